import type { PolicyKind, StatementJson } from "./policy-json";

/**
 * AWS IAM quotas checked before deploy (defaults; some can be raised through Service Quotas).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export interface Quotas {
  /** Characters of a managed policy document, whitespace not counted. */
  managedPolicyCharacters: number;
  /** Characters of a role trust policy, whitespace not counted. */
  trustPolicyCharacters: number;
  /** Characters of all inline policies of one role together, whitespace not counted. */
  inlinePolicyCharactersPerRole: number;
  /** Managed policies attached to one role. */
  managedPoliciesPerRole: number;
}

/** The default quotas of a new AWS account. */
export const defaultQuotas: Quotas = {
  managedPolicyCharacters: 6144,
  trustPolicyCharacters: 2048,
  inlinePolicyCharactersPerRole: 10240,
  managedPoliciesPerRole: 10,
};

/** Characters AWS counts towards a document's size: everything but whitespace. */
export function policyCharacterCount(json: string): number {
  // Whitespace inside string values is part of the value and counts; only the layout does not.
  let count = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json[i]!;
    if (inString) {
      count += 1;
      if (char === "\\") {
        count += 1;
        i += 1;
      } else if (char === '"') inString = false;
    } else if (!/\s/.test(char)) {
      count += 1;
      if (char === '"') inString = true;
    }
  }
  return count;
}

/** The size limit that applies to a document of this kind. */
export function characterLimit(kind: PolicyKind, quotas: Quotas = defaultQuotas): number {
  switch (kind) {
    case "trust":
      return quotas.trustPolicyCharacters;
    case "inline":
      return quotas.inlinePolicyCharactersPerRole;
    case "identity":
    case "boundary":
      return quotas.managedPolicyCharacters;
  }
}

/**
 * Splits statements into the fewest consecutive groups whose documents each fit the limit, so a
 * too-large policy can become several managed policies. Throws when one statement alone is too large.
 */
export function splitStatementsToFit(statements: readonly StatementJson[], limit: number): StatementJson[][] {
  const groups: StatementJson[][] = [];
  let current: StatementJson[] = [];
  const sizeOf = (group: StatementJson[]) =>
    policyCharacterCount(JSON.stringify({ Version: "2012-10-17", Statement: group }));
  statements.forEach((statement, index) => {
    if (sizeOf([statement]) > limit) {
      throw new Error(
        `statement ${index} alone is ${sizeOf([statement])} characters, over the ${limit} limit: split its actions or resources`,
      );
    }
    if (current.length > 0 && sizeOf([...current, statement]) > limit) {
      groups.push(current);
      current = [];
    }
    current.push(statement);
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
