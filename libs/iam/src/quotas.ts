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
    } else if (!isWhitespace(char)) {
      count += 1;
      if (char === '"') inString = true;
    }
  }
  return count;
}

/** `/\s/.test(char)`, without the regex for the ASCII characters that make up nearly all of a document. */
function isWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(char);
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
  // A group's document is `{"Version":…,"Statement":[` its statements joined by commas `]}`, and JSON.stringify
  // writes no whitespace outside strings: its size is the frame's plus each statement's plus the commas, so a
  // group's size is kept as a running sum instead of serialising the growing group once per statement.
  const frame = policyCharacterCount(JSON.stringify({ Version: "2012-10-17", Statement: [] }));
  // As an element of the Statement array, the way the whole document serialises it (undefined becomes null).
  const statementSize = (statement: StatementJson) => policyCharacterCount(JSON.stringify([statement])) - 2;
  let currentSize = frame;
  statements.forEach((statement, index) => {
    const size = statementSize(statement);
    if (frame + size > limit) {
      throw new Error(`statement ${index} alone is ${frame + size} characters, over the ${limit} limit: split its actions or resources`);
    }
    if (current.length > 0 && currentSize + 1 + size > limit) {
      groups.push(current);
      current = [];
      currentSize = frame;
    }
    currentSize += (current.length > 0 ? 1 : 0) + size;
    current.push(statement);
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
