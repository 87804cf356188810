import { findGrant, principalGrant } from "./access-check";
import type { PlanPrincipal } from "./plan-principals";

/** What an evaluator says about a request its policies allow: whether the answer depends on conditions. */
export interface AccessVerdict {
  /** True when something beyond the allowing statement (the boundary, say) allows it only under conditions. */
  conditional: boolean;
}

/**
 * Decides whether a principal may perform an action on a resource (an ARN or an ARN pattern) that one of
 * its Allow statements names: undefined when an explicit Deny or the permissions boundary stops it.
 */
export type AccessEvaluator = (principal: PlanPrincipal, action: string, resource: string) => AccessVerdict | undefined;

/**
 * {@link principalGrant}'s over-approximation: an unconditional Deny in any policy or the boundary wins, the
 * boundary must allow the request too, and conditions are assumed satisfiable.
 */
export const grantEvaluator: AccessEvaluator = (principal, action, resource) => {
  if (!principalGrant(principal, action, resource)) return undefined;
  const boundary = principal.boundary?.document ? findGrant([principal.boundary], action, resource) : undefined;
  return { conditional: boundary?.conditional ?? false };
};

/**
 * The evaluator the access matrix and diff use unless told otherwise. When the simulation engine lands,
 * this is the one line to change: `= simulationEvaluator`, an adapter that calls `simulate` with the
 * principal's documents and its boundary and maps "Allowed" to a verdict.
 */
export const defaultEvaluator: AccessEvaluator = grantEvaluator;
