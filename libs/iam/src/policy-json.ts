/** The JSON shape of an IAM policy document, as AWS reads it. */
export interface PolicyDocumentJson {
  Version?: string;
  Id?: string;
  Statement: StatementJson[] | StatementJson;
}

/** One statement of a policy document, with the single-or-list forms AWS accepts. */
export interface StatementJson {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: PrincipalJson;
  NotPrincipal?: PrincipalJson;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionJson;
}

/** `"*"` or a map of principal type (`AWS`, `Service`, `Federated`) to one or more principals. */
export type PrincipalJson = "*" | { [type: string]: string | string[] };

/** Operator → key → value(s). */
export type ConditionJson = { [operator: string]: { [key: string]: ConditionValueJson } };

/** A condition value as it appears in JSON. */
export type ConditionValueJson = string | number | boolean | (string | number | boolean)[];

/** The kind of a document decides its quotas and which rules apply. */
export type PolicyKind = "identity" | "trust" | "boundary" | "inline";

/** A value that may be written as a single item or a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
