import { asList, formatFinding, validatePolicy, type PolicyDocumentJson, type PolicyKind } from "@ml-iam/iam";
import { centralBoundary, type BoundaryConfig, type CentralBoundary } from "./central-boundary";
import { describeResource, type PolicyResource } from "./policy-resource";

/** A policy document a resource carries: what it is, as messages name it, its kind and its value as given. */
interface CarriedDocument {
  what: string;
  kind: PolicyKind;
  value: unknown;
}

/** Resources holding one inline policy document, and the input that holds it. */
const inlinePolicyInputs: Record<string, string> = {
  "aws:iam/rolePolicy:RolePolicy": "policy",
  "aws:iam/groupPolicy:GroupPolicy": "policy",
  "aws:iam/userPolicy:UserPolicy": "policy",
  "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy": "inlinePolicy",
};

/** The resource types whose documents the pack checks. */
export const documentTypes: readonly string[] = ["aws:iam/policy:Policy", "aws:iam/role:Role", ...Object.keys(inlinePolicyInputs)];

/**
 * The documents of a resource, with the kind the rules check them as, as the plan's analysis does: a managed
 * policy is an identity policy, or a boundary when it is the central boundary; a role has its trust policy
 * and any `inlinePolicies`; the inline policy resources have theirs. Only the inputs read are touched, so an
 * input unknown during a preview only stops the check when it is a document (or the path and name of a policy).
 */
function carriedDocuments(resource: PolicyResource, boundary: CentralBoundary): CarriedDocument[] {
  const { props } = resource;
  const what = describeResource(resource);
  if (resource.type === "aws:iam/policy:Policy") {
    const isBoundary = typeof props.name === "string" && boundary.isBoundaryPolicy(String(props.path ?? "/"), props.name);
    return [{ what, kind: isBoundary ? "boundary" : "identity", value: props.policy }];
  }
  if (resource.type === "aws:iam/role:Role") {
    const inline = asList(props.inlinePolicies as { name?: unknown; policy?: unknown }[] | undefined)
      .map((entry, index) => ({ what: `${what} inline policy ${String(entry.name ?? index)}`, kind: "inline" as const, value: entry.policy }))
      // An entry without a policy (`[{}]`) only tells the provider to remove the role's inline policies.
      .filter((document) => document.value !== undefined && document.value !== "");
    return [{ what: `${what} trust policy`, kind: "trust", value: props.assumeRolePolicy }, ...inline];
  }
  const input = inlinePolicyInputs[resource.type];
  return input === undefined ? [] : [{ what, kind: "inline", value: props[input] }];
}

/** The document as JSON; a string that is not JSON stays as it is, and the rules report it (INVALID_DOCUMENT). */
function parsed(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function sidOf(document: unknown, statement: number | undefined): string | undefined {
  if (statement === undefined || typeof document !== "object" || document === null) return undefined;
  const sid = asList((document as PolicyDocumentJson).Statement)[statement]?.Sid;
  return typeof sid === "string" && sid !== "" ? sid : undefined;
}

/**
 * No policy document has an error finding of the rule registry, the rules construction and `ml-iam lint`
 * run: a document written around the typed library (a raw JSON string, an imported policy) is checked
 * before it reaches AWS. Each error is one message naming the document, the rule code and the statement.
 */
export function policyDocumentsPassRules(resource: PolicyResource, config: BoundaryConfig = {}): string[] {
  if (!documentTypes.includes(resource.type)) return [];
  return carriedDocuments(resource, centralBoundary(config)).flatMap(({ what, kind, value }) => {
    const document = parsed(value);
    // validatePolicy reports a value that is not a policy document (INVALID_DOCUMENT) rather than trusting the type.
    return validatePolicy(document as PolicyDocumentJson, { kind })
      .filter((finding) => finding.severity === "error")
      .map((finding) => {
        const sid = sidOf(document, finding.statement);
        return `${what} (${kind} policy)${sid ? `, Sid ${sid}` : ""}: ${formatFinding(finding)}`;
      });
  });
}
