import type { Rule } from "./rules/rule";
import { conditionTypeMismatch, deprecatedConditionKey, unknownConditionKey } from "./rules/condition-keys";
import { invalidDocument } from "./rules/invalid-document";
import { missingConfusedDeputyCondition } from "./rules/missing-confused-deputy-condition";
import { oidcTrustUnrestricted } from "./rules/oidc-trust-unrestricted";
import { passRoleUnrestricted } from "./rules/pass-role-unrestricted";
import { privilegeEscalation } from "./rules/privilege-escalation";
import { resourceMismatch } from "./rules/resource-mismatch";
import { sizeLimit } from "./rules/size-limit";
import { unknownAction, unknownService } from "./rules/unknown-action";
import { wildcardAction } from "./rules/wildcard-action";
import { wildcardResource } from "./rules/wildcard-resource";

/**
 * The one registry of policy rules. Construction, the lint CLI and the deploy-time policy pack all run
 * these; docs/policy-rules.md is generated from it.
 */
export const ruleRegistry: readonly Rule[] = [
  invalidDocument,
  unknownService,
  unknownAction,
  resourceMismatch,
  unknownConditionKey,
  conditionTypeMismatch,
  deprecatedConditionKey,
  wildcardResource,
  wildcardAction,
  passRoleUnrestricted,
  privilegeEscalation,
  missingConfusedDeputyCondition,
  oidcTrustUnrestricted,
  sizeLimit,
];

/** Looks a rule up by its code. */
export function findRule(code: string): Rule | undefined {
  return ruleRegistry.find((rule) => rule.code === code);
}
