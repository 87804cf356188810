import type { PlanFile } from "@ml-iam/plan";
import { planPrincipals, type PlanPrincipal } from "./plan-principals";
import { principalAccess, type AccessOptions, type PrincipalAccess } from "./principal-access";

/** Group names by user name, from `aws:iam/groupMembership` and `aws:iam/userGroupMembership` resources. */
function groupsByUser(plans: readonly PlanFile[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  const join = (user: unknown, group: unknown) => {
    if (typeof user !== "string" || typeof group !== "string") return;
    const set = groups.get(user) ?? new Set<string>();
    set.add(group);
    groups.set(user, set);
  };
  for (const plan of plans) {
    for (const { newState: resource } of plan.steps) {
      if (resource.type === "aws:iam/groupMembership:GroupMembership") {
        for (const user of asArray(resource.inputs.users)) join(user, resource.inputs.group);
      } else if (resource.type === "aws:iam/userGroupMembership:UserGroupMembership") {
        for (const group of asArray(resource.inputs.groups)) join(resource.inputs.user, group);
      }
    }
  }
  return groups;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A user holds its groups' policies as well as its own; IAM evaluates them together, within the user's boundary. */
function withGroupPolicies(principals: readonly PlanPrincipal[], plans: readonly PlanFile[]): PlanPrincipal[] {
  const memberships = groupsByUser(plans);
  const groups = new Map(principals.filter((p) => p.kind === "group").map((group) => [group.name, group]));
  return principals.map((principal) => {
    if (principal.kind !== "user") return principal;
    const inherited = [...(memberships.get(principal.name) ?? [])]
      .sort()
      .flatMap((name) => (groups.get(name)?.policies ?? []).map((policy) => ({ ...policy, name: `${name}/${policy.name}` })));
    return inherited.length === 0 ? principal : { ...principal, policies: [...principal.policies, ...inherited] };
  });
}

/** Options of {@link accessMatrix}. */
export interface AccessMatrixOptions extends AccessOptions {
  /** Only the principals of these stacks; the other plans still supply the policies, boundaries and groups they hold. */
  stacks?: readonly string[];
}

/**
 * The access matrix of a plan set (one env): for every role, group, user and permission set, each action
 * it may perform on each resource, with boundaries and explicit denies applied, sorted by principal ARN.
 */
export function accessMatrix(plans: readonly PlanFile[], options: AccessMatrixOptions = {}): PrincipalAccess[] {
  const principals = withGroupPolicies(planPrincipals(plans), plans);
  const { stacks } = options;
  return principalsAccess(stacks ? principals.filter((principal) => stacks.includes(principal.stack)) : principals, options);
}

/** The access of the given principals, sorted by ARN, one row per ARN. */
export function principalsAccess(principals: readonly PlanPrincipal[], options: AccessOptions = {}): PrincipalAccess[] {
  const rows = new Map<string, PrincipalAccess>();
  for (const principal of principals) rows.set(principal.arn, principalAccess(principal, options));
  return [...rows.values()].sort((a, b) => (a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0));
}
