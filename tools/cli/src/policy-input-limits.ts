import { characterLimit, policyCharacterCount, type PolicyKind } from "@ml-iam/iam";

const policyKinds: readonly PolicyKind[] = ["identity", "trust", "boundary", "inline"];

/** The largest policy IAM accepts, whitespace not counted: a role's inline policies together, 10,240 characters. */
export const largestPolicyCharacters = Math.max(...policyKinds.map((kind) => characterLimit(kind)));

/**
 * The deepest nesting the CLI reads in a policy document. No policy needs more than 6 levels (document → Statement
 * list → statement → Condition → operator → values); anything far deeper is hostile, and would overflow the stack
 * of every recursive reader after it.
 */
export const deepestPolicyNesting = 8;

/** Why a policy document's text is larger than any policy IAM accepts, or undefined; checked before parsing it. */
export function policyTextProblem(text: string): string | undefined {
  if (text.length <= largestPolicyCharacters) return undefined;
  const characters = policyCharacterCount(text);
  if (characters <= largestPolicyCharacters) return undefined;
  return `is ${characters} characters (whitespace not counted), past ${largestPolicyCharacters}, the largest policy IAM accepts`;
}

/** Why a parsed policy document nests deeper than any policy needs, or undefined; iterative, so no depth overflows it. */
export function policyNestingProblem(document: unknown): string | undefined {
  const pending: [unknown, number][] = [[document, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth > deepestPolicyNesting) return `nests more than ${deepestPolicyNesting} levels deep, deeper than any policy document needs`;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return undefined;
}

/** Why a parsed policy document cannot be analysed (too deep, or a statement that is not an object), or undefined. */
export function policyDocumentProblem(document: unknown): string | undefined {
  const nesting = policyNestingProblem(document);
  if (nesting !== undefined) return nesting;
  if (typeof document !== "object" || document === null || !("Statement" in document)) return undefined;
  const statement = document.Statement;
  const statements: unknown[] = Array.isArray(statement) ? statement : [statement];
  const index = statements.findIndex((entry) => typeof entry !== "object" || entry === null || Array.isArray(entry));
  if (index < 0) return undefined;
  const found = statements[index];
  const what = found === null ? "null" : Array.isArray(found) ? "a list" : `a ${typeof found}`;
  return `statement ${index} is ${what}, not an object, so IAM would reject the document`;
}
