import type { PolicyKind } from "@ml-iam/iam";
import type { PlanFile, PlannedResource } from "@ml-iam/plan";

/** A policy document of a plan, with what it is and whose it is. */
export interface PlanDocument {
  stack: string;
  /** Who holds it: a managed policy's name, `<principal>/<inline name>`, or `<role> trust`. */
  owner: string;
  kind: PolicyKind;
  /** The document as the plan records it: parsed JSON, or the raw value when it is not JSON. */
  document: unknown;
}

/** Inline policy resources: the input holding the document and the one naming its principal. */
const inlineTypes: Record<string, { policy: string; principal: string }> = {
  "aws:iam/rolePolicy:RolePolicy": { policy: "policy", principal: "role" },
  "aws:iam/groupPolicy:GroupPolicy": { policy: "policy", principal: "group" },
  "aws:iam/userPolicy:UserPolicy": { policy: "policy", principal: "user" },
  "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy": { policy: "inlinePolicy", principal: "permissionSetArn" },
};

function parsed(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Managed policies some principal of the plans uses as its permissions boundary, by ARN and by path+name. */
function boundaryReferences(resources: readonly PlannedResource[]): Set<string> {
  const references = new Set<string>();
  for (const resource of resources) {
    if (typeof resource.inputs.permissionsBoundary === "string") references.add(resource.inputs.permissionsBoundary);
    const customer = (resource.inputs.permissionsBoundary as { customerManagedPolicyReference?: { name?: string; path?: string } } | undefined)
      ?.customerManagedPolicyReference;
    if (resource.type === "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment" && customer?.name) {
      references.add(`${customer.path ?? "/"}${customer.name}`);
    }
  }
  return references;
}

/**
 * Every policy document of a plan set: managed policies (kind "boundary" when a principal of the set
 * uses it as one, "identity" otherwise), inline policies, and role trust policies.
 */
export function planDocuments(plans: readonly PlanFile[]): PlanDocument[] {
  const resources = plans.flatMap((plan) => plan.steps.map((step) => ({ stack: plan.stack, resource: step.newState })));
  const boundaries = boundaryReferences(resources.map(({ resource }) => resource));
  const permissionSetNames = new Map(
    resources
      .filter(({ resource }) => resource.type === "aws:ssoadmin/permissionSet:PermissionSet")
      .map(({ resource }) => [String(resource.outputs.arn), String(resource.inputs.name)]),
  );
  const documents: PlanDocument[] = [];
  for (const { stack, resource } of resources) {
    if (resource.type === "aws:iam/policy:Policy") {
      const name = String(resource.outputs.name ?? resource.inputs.name ?? resource.name);
      const isBoundary = boundaries.has(String(resource.outputs.arn)) || boundaries.has(`${resource.inputs.path ?? "/"}${name}`);
      documents.push({ stack, owner: name, kind: isBoundary ? "boundary" : "identity", document: parsed(resource.inputs.policy) });
    } else if (resource.type === "aws:iam/role:Role") {
      documents.push({ stack, owner: `${resource.outputs.name ?? resource.name} trust`, kind: "trust", document: parsed(resource.inputs.assumeRolePolicy) });
    } else if (inlineTypes[resource.type]) {
      const { policy, principal } = inlineTypes[resource.type]!;
      const holder = String(resource.inputs[principal]);
      const holderName = permissionSetNames.get(holder) ?? holder;
      const name = resource.inputs.name ?? (principal === "permissionSetArn" ? "inline" : resource.name);
      documents.push({ stack, owner: `${holderName}/${String(name)}`, kind: "inline", document: parsed(resource.inputs[policy]) });
    }
  }
  return documents;
}
