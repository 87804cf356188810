export { findGrant, principalGrant, type Grant } from "./access-check";
export { matchesIamPattern } from "./iam-pattern";
export { planPrincipals, statementsOf, type HeldPolicy, type PlanPrincipal } from "./plan-principals";
