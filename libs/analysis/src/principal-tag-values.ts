import type { PolicyDocumentJson } from "@ml-iam/iam";
import type { PlanPrincipal } from "./plan-principals";

const resolved = new WeakMap<PlanPrincipal, PlanPrincipal>();

/** `${aws:PrincipalTag/<key>}` in a JSON string, the key captured. */
const principalTagVariable = /\$\{aws:PrincipalTag\/([^}]+)\}/g;

function resolveDocument(document: PolicyDocumentJson | undefined, tags: Readonly<Record<string, string>>): PolicyDocumentJson | undefined {
  if (document === undefined) return undefined;
  const json = JSON.stringify(document);
  // Tag values are JSON-escaped where they land; an unknown tag stays a variable, which matches no literal ARN.
  const resolved = json.replace(principalTagVariable, (variable, key: string) => (key in tags ? JSON.stringify(tags[key]).slice(1, -1) : variable));
  return resolved === json ? document : (JSON.parse(resolved) as PolicyDocumentJson);
}

/**
 * The principal with `${aws:PrincipalTag/…}` in its policies and boundary replaced by its own tags, as IAM
 * resolves them on every request: a boundary that fences each team to `${aws:PrincipalTag/team}-*` buckets
 * reads, for this principal, as its own team's buckets. Conditions are left as they are.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function withPrincipalTagValues(principal: PlanPrincipal): PlanPrincipal {
  const cached = resolved.get(principal);
  if (cached) return cached;
  const result: PlanPrincipal = {
    ...principal,
    policies: principal.policies.map((policy) => ({ ...policy, document: resolveDocument(policy.document, principal.tags) })),
    boundary: principal.boundary ? { ...principal.boundary, document: resolveDocument(principal.boundary.document, principal.tags) } : undefined,
  };
  resolved.set(principal, result);
  return result;
}
