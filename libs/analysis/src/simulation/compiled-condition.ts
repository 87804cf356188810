import { compileValueTest, parseConditionOperator, type ConditionOperator } from "./condition-operators";
import type { RequestContext } from "./request";

/** One operator/key pair of a Condition element, ready to test against request contexts. */
export type CompiledCondition = (context: RequestContext) => boolean;

const neverTrue: CompiledCondition = () => false;

/**
 * Compiles one operator/key pair with its values (ORed). How a missing or multivalued key is read,
 * as IAM documents it:
 * - `Null` tests presence: `true` matches a missing key, `false` a present one.
 * - `ForAllValues:` is true for a missing key, else when every request value passes.
 * - `ForAnyValue:` is false for a missing key (true with `IfExists`), else when some request value passes.
 * - A plain operator is true for a missing key when it has `IfExists` or is negated (`StringNotEquals`),
 *   false otherwise; it is false for a multivalued key, which needs a set operator.
 * An operator IAM does not have never matches. Without `variables` (documents older than Version
 * 2012-10-17), `${…}` in values is literal text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export function compileCondition(operatorName: string, key: string, policyValues: readonly string[], options = { variables: true }): CompiledCondition {
  const operator = parseConditionOperator(operatorName);
  if (!operator) return neverTrue;
  const lowercaseKey = key.toLowerCase();
  if (operator.base === "null") return compileNull(lowercaseKey, policyValues);
  return compileComparison(operator, lowercaseKey, policyValues, options.variables);
}

function compileNull(key: string, policyValues: readonly string[]): CompiledCondition {
  const matchesMissing = policyValues.some((value) => value.toLowerCase() === "true");
  const matchesPresent = policyValues.some((value) => value.toLowerCase() === "false");
  return (context) => (context.get(key) === undefined ? matchesMissing : matchesPresent);
}

function compileComparison(operator: ConditionOperator, key: string, policyValues: readonly string[], variables: boolean): CompiledCondition {
  const test = compileValueTest(operator, policyValues, variables);
  if (operator.set === "ForAllValues") {
    return (context) => {
      const value = context.get(key);
      if (value === undefined) return true;
      if (typeof value === "string") return test(value, context);
      for (const item of value) if (!test(item, context)) return false;
      return true;
    };
  }
  if (operator.set === "ForAnyValue") {
    const whenMissing = operator.ifExists;
    return (context) => {
      const value = context.get(key);
      if (value === undefined) return whenMissing;
      if (typeof value === "string") return test(value, context);
      for (const item of value) if (test(item, context)) return true;
      return false;
    };
  }
  const whenMissing = operator.ifExists || operator.negated;
  return (context) => {
    const value = context.get(key);
    if (value === undefined) return whenMissing;
    return typeof value === "string" && test(value, context);
  };
}
