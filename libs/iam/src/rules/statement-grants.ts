import { matchesIamPattern } from "../iam-pattern";
import type { NormalizedCondition, NormalizedStatement } from "../normalized-policy";


/**
 * How an Allow statement grants an action (`iam:PassRole`): the Action entry that matches it (`iam:*`,
 * `*`), `NotAction …` when a NotAction leaves it out, or undefined when the statement does not allow it.
 */
export function grantOf(statement: NormalizedStatement, action: string): string | undefined {
  if (statement.effect !== "Allow") return undefined;
  if (statement.actions) return statement.actions.find((pattern) => matchesIamPattern(pattern, action, { caseInsensitive: true }));
  if (statement.notActions && !statement.notActions.some((pattern) => matchesIamPattern(pattern, action, { caseInsensitive: true }))) {
    return `NotAction ${statement.notActions.join(", ")}`;
  }
  return undefined;
}

/** How a grant reads in a message: `iam:PassRole` itself, or `iam:PassRole (through iam:*)`. */
export function describeGrant(action: string, grant: string): string {
  return grant.toLowerCase() === action.toLowerCase() ? action : `${action} (through ${grant})`;
}

/** Operators that only let requests through whose key has one of the listed values. */
const restrictingOperator = /^(ForAnyValue:|ForAllValues:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/;

/**
 * The conditions of a statement that pin a key to listed values (`StringEquals`, `ArnLike`, …), keys
 * matched case-insensitively. Negated operators, `Null` and `…IfExists` (which lets a request without
 * the key through) restrict nothing.
 */
export function restrictingConditions(statement: NormalizedStatement, key: RegExp): NormalizedCondition[] {
  return statement.conditions.filter((condition) => restrictingOperator.test(condition.operator) && key.test(condition.key));
}

/** Whether any condition of a statement names a key, with any operator. */
export function hasConditionKey(statement: NormalizedStatement, key: RegExp): boolean {
  return statement.conditions.some((condition) => key.test(condition.key));
}
