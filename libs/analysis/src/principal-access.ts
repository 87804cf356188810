import { asList, type ActionInfo, type StatementJson } from "@ml-iam/iam";
import { defaultEvaluator, type AccessEvaluator } from "./access-evaluator";
import { actionAppliesTo, actionsExcept, actionsOfPattern, applicabilityTo } from "./action-expansion";
import { matchesIamPattern } from "@ml-iam/iam";
import { statementsOf, type PlanPrincipal } from "./plan-principals";
import { withPrincipalTagValues } from "./principal-tag-values";

/** One thing a principal may do: an action on a resource (an ARN or an ARN pattern, as its policy names it). */
export interface AccessEntry {
  /** The action in AWS's canonical case, e.g. `s3:GetObject`. */
  action: string;
  resource: string;
  /** True when every statement that grants it (or the boundary) does so only under conditions. */
  conditional: boolean;
}

/** What one principal may do, within its boundary and after explicit denies. */
export interface PrincipalAccess {
  /** The principal's ARN (a permission set's ARN for permission sets). */
  principal: string;
  stack: string;
  /** "policy" for a bare policy document compared on its own. */
  kind: PlanPrincipal["kind"] | "policy";
  name: string;
  /** Sorted by action, then resource; one entry per pair. */
  entries: AccessEntry[];
  /** Policies the plans hold no document for (AWS managed ones, say): what they grant is not in `entries`. */
  unresolvedPolicies: string[];
}

/** How to compute access. */
export interface AccessOptions {
  /** Decides denies and boundaries; {@link defaultEvaluator} unless given. */
  evaluator?: AccessEvaluator;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders entries by action, then resource. */
export function compareEntries(a: { action: string; resource: string }, b: { action: string; resource: string }): number {
  return compare(a.action, b.action) || compare(a.resource, b.resource);
}

function statementActions(statement: StatementJson): readonly ActionInfo[] {
  if (statement.Action === undefined) return statement.NotAction !== undefined ? actionsExcept(asList(statement.NotAction).map(String)) : [];
  const expansions = asList(statement.Action).map((pattern) => actionsOfPattern(String(pattern)));
  // One pattern's expansion names each action once.
  if (expansions.length === 1) return expansions[0]!;
  // `s3:Get*` and `s3:GetObject` in one statement name GetObject twice: keep one per key, where it first appears.
  const actions: ActionInfo[] = [];
  const positions = new Map<string, number>();
  for (const expansion of expansions) {
    for (const action of expansion) {
      const position = positions.get(action.key);
      if (position === undefined) {
        positions.set(action.key, actions.length);
        actions.push(action);
      } else actions[position] = action;
    }
  }
  return actions;
}

/** A statement's resources; a NotResource becomes one pattern-like label evaluated as `"*"`. */
function statementResources(statement: StatementJson): { label: string; resource: string }[] {
  if (statement.Resource !== undefined) return asList(statement.Resource).map((resource) => ({ label: String(resource), resource: String(resource) }));
  if (statement.NotResource !== undefined) return [{ label: `* except ${asList(statement.NotResource).join(", ")}`, resource: "*" }];
  return [];
}

/**
 * Where a boundary allows an action on narrower resources than the policy does (`arn:aws:s3:::team-*`
 * within `arn:aws:s3:::*`), the principal may act on the narrower ones: the intersection of the two.
 */
function boundaryResourcesWithin(principal: PlanPrincipal, action: string, resource: string): string[] {
  if (!/[*?]/.test(resource)) return [];
  const narrower = new Set<string>();
  for (const statement of statementsOf(principal.boundary?.document)) {
    if (statement.Effect !== "Allow" || statement.Resource === undefined) continue;
    const actionHit =
      statement.Action !== undefined
        ? asList(statement.Action).some((pattern) => matchesIamPattern(String(pattern), action, { caseInsensitive: true }))
        : !asList(statement.NotAction).some((pattern) => matchesIamPattern(String(pattern), action, { caseInsensitive: true }));
    if (!actionHit) continue;
    for (const candidate of asList(statement.Resource).map(String)) {
      if (candidate !== resource && matchesIamPattern(resource, candidate)) narrower.add(candidate);
    }
  }
  return [...narrower];
}

/**
 * Everything a principal's Allow statements grant, as (action, resource) pairs: action patterns expanded
 * through the IAM data, pairs whose resource cannot be of a type the action applies to left out, then
 * each pair put to the evaluator, which drops what an explicit Deny or the boundary removes.
 */
export function principalAccess(planned: PlanPrincipal, options: AccessOptions = {}): PrincipalAccess {
  const principal = withPrincipalTagValues(planned);
  const evaluate = options.evaluator ?? defaultEvaluator;
  const entries = new Map<string, AccessEntry>();
  const add = (action: string, resource: string, conditional: boolean) => {
    const key = `${action}\n${resource}`;
    const existing = entries.get(key);
    if (existing) existing.conditional &&= conditional;
    else entries.set(key, { action, resource, conditional });
  };

  for (const policy of principal.policies) {
    for (const statement of statementsOf(policy.document)) {
      if (statement.Effect !== "Allow") continue;
      const statementConditional = statement.Condition !== undefined;
      const resources = statementResources(statement).map((entry) => ({ ...entry, appliesTo: applicabilityTo(entry.resource) }));
      for (const action of statementActions(statement)) {
        for (const { label, resource, appliesTo } of resources) {
          if (!appliesTo(action)) continue;
          const verdict = evaluate(principal, action.key, resource);
          if (verdict) {
            add(action.key, label, statementConditional || verdict.conditional);
            continue;
          }
          for (const narrower of boundaryResourcesWithin(principal, action.key, resource)) {
            const narrowed = actionAppliesTo(action, narrower) ? evaluate(principal, action.key, narrower) : undefined;
            if (narrowed) add(action.key, narrower, statementConditional || narrowed.conditional);
          }
        }
      }
    }
  }

  return {
    principal: principal.arn,
    stack: principal.stack,
    kind: principal.kind,
    name: principal.name,
    entries: [...entries.values()].sort(compareEntries),
    unresolvedPolicies: principal.policies.filter((policy) => !policy.document).map((policy) => policy.arn ?? policy.name).sort(),
  };
}
