import type { ConditionKey } from "./generated/condition-keys";

/** A policy variable such as `${aws:username}`, written without clashing with JavaScript template strings. */
export function policyVariable(key: ConditionKey): string {
  return "${" + key + "}";
}
