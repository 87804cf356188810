import type * as pulumi from "@pulumi/pulumi";
import type { ConditionKey } from "./generated/condition-keys";

/** Operators by family, as in the IAM condition operators reference. */
export const conditionOperatorFamilies = {
  String: [
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
  ],
  Numeric: [
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
  ],
  Date: [
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
  ],
  Bool: ["Bool"],
  Binary: ["BinaryEquals"],
  IpAddress: ["IpAddress", "NotIpAddress"],
  Arn: ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
  Null: ["Null"],
} as const;

/** A condition operator family: String, Numeric, Date, Bool, Binary, IpAddress, Arn or Null. */
export type ConditionOperatorFamily = keyof typeof conditionOperatorFamilies;

type BaseOperator = (typeof conditionOperatorFamilies)[ConditionOperatorFamily][number];
type IfExistsOperator = `${Exclude<BaseOperator, "Null">}IfExists`;
type SingleValuedOperator = BaseOperator | IfExistsOperator;

/**
 * A condition operator, with the `IfExists` suffix and the `ForAllValues:`/`ForAnyValue:` set prefixes.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export type ConditionOperator =
  | SingleValuedOperator
  | `ForAllValues:${Exclude<SingleValuedOperator, "Null">}`
  | `ForAnyValue:${Exclude<SingleValuedOperator, "Null">}`;

/** One condition value or several (several are ORed). */
export type ConditionValues =
  | pulumi.Input<string | number | boolean>
  | pulumi.Input<readonly pulumi.Input<string | number | boolean>[]>;

/** Keys of web identity providers, named by the provider's host: `token.actions.githubusercontent.com:sub`. */
export type WebIdentityConditionKey = `${string}.${string}:${string}`;

/** Keys under one operator; only keys known to AWS's data (or a web identity provider's) compile. */
export type ConditionBlock = { [K in ConditionKey | WebIdentityConditionKey]?: ConditionValues };

/** A statement's `Condition` element: operator → key → values. */
export type Conditions = { [O in ConditionOperator]?: ConditionBlock };

/** The family an operator string belongs to, ignoring `IfExists` and set prefixes; undefined if unknown. */
export function operatorFamily(operator: string): ConditionOperatorFamily | undefined {
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/, "").replace(/IfExists$/, "");
  for (const [family, operators] of Object.entries(conditionOperatorFamilies)) {
    if ((operators as readonly string[]).includes(base)) return family as ConditionOperatorFamily;
  }
  return undefined;
}
