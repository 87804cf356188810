/** One position of a statement's resource pattern. */
type PatternToken = { kind: "char"; char: string } | { kind: "oneChar" } | { kind: "anyString" };

/**
 * One position of a resource type's ARN format. A variable matches one or more characters not in `excluded`;
 * `anyString` is a literal `*` that AWS writes into some formats (`arn:${Partition}:dms:…:cert:*`).
 */
type FormatToken = { kind: "char"; char: string } | { kind: "variable"; excluded: string } | { kind: "anyString" };

/** What one consumed character must satisfy on each side. */
type CharConstraint = { kind: "char"; char: string } | { kind: "anyChar" } | { kind: "anyCharExcept"; excluded: string };

/** Variables that never span an ARN segment: their values cannot contain `:` or `/`. */
const segmentVariable = /^(Partition|Region|Account)$|BucketName/;

/** An ARN has six colon-separated components: arn, partition, service, region, account, resource. */
const arnComponentCount = 6;

/** Whether a resource pattern (`*`, `?`, policy variables like `${aws:username}`) can match at least one ARN of the format. */
export function resourceMatchesArnFormat(resource: string, arnFormat: string): boolean {
  if (resource === "*") return true;
  const pattern = tokenizeResource(resource);
  const patternParts = arnComponents(pattern);
  // A few formats list alternatives: "arn:…:/apis/${ApiId}/stages, arn:…:/restapis/${RestApiId}/stages".
  return arnFormat.split(/,\s*(?=arn:)/).some((alternative) => {
    const format = tokenizeFormat(alternative.trim());
    const formatParts = arnComponents(format);
    // Like IAM, match the components separately, so a "*" for the region cannot swallow the resource type:
    // arn:aws:sagemaker:*:*:notebook-instance/* must not match a training job. Anything that is not a
    // six-component ARN is matched as one string, the lenient choice.
    if (patternParts.length !== arnComponentCount || formatParts.length !== arnComponentCount) {
      return intersectionIsNonEmpty(pattern, format);
    }
    return patternParts.every((part, i) => intersectionIsNonEmpty(part, formatParts[i] ?? []));
  });
}

/** Splits at the first five literal colons: arn, partition, service, region, account, and the resource (which keeps its colons). */
function arnComponents<T extends { kind: string }>(tokens: readonly T[]): T[][] {
  const parts: T[][] = [[]];
  for (const token of tokens) {
    const isColon = token.kind === "char" && "char" in token && token.char === ":";
    if (isColon && parts.length < arnComponentCount) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts;
}

function tokenizeResource(resource: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  for (let i = 0; i < resource.length; i++) {
    const char = resource.charAt(i);
    if (char === "$" && resource.charAt(i + 1) === "{") {
      const end = resource.indexOf("}", i + 2);
      if (end >= 0) {
        const name = resource.slice(i + 2, end);
        // ${*}, ${?} and ${$} are IAM's escapes for the literal characters; any other variable may be any value.
        tokens.push(name === "*" || name === "?" || name === "$" ? { kind: "char", char: name } : { kind: "anyString" });
        i = end;
        continue;
      }
    }
    tokens.push(char === "*" ? { kind: "anyString" } : char === "?" ? { kind: "oneChar" } : { kind: "char", char });
  }
  return tokens;
}

function tokenizeFormat(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  for (let i = 0; i < format.length; i++) {
    const char = format.charAt(i);
    const end = char === "$" && format.charAt(i + 1) === "{" ? format.indexOf("}", i + 2) : -1;
    if (end < 0) {
      tokens.push(char === "*" ? { kind: "anyString" } : { kind: "char", char });
      continue;
    }
    const name = format.slice(i + 2, end);
    const isLast = end === format.length - 1;
    // The trailing variable holds resource paths (object keys, role paths, log group names), so it may contain anything.
    const excluded = segmentVariable.test(name) ? ":/" : isLast ? "" : ":";
    tokens.push({ kind: "variable", excluded });
    i = end;
  }
  return tokens;
}

/**
 * Emptiness check of the product automaton: breadth-first search over (pattern position, format position,
 * inside-a-variable) until both sides are consumed together. Regex on one side alone cannot answer this,
 * because both sides contain wildcards.
 */
function intersectionIsNonEmpty(pattern: readonly PatternToken[], format: readonly FormatToken[]): boolean {
  const width = format.length + 1;
  const seen = new Uint8Array((pattern.length + 1) * width * 2);
  const queue: number[] = [];
  const visit = (p: number, f: number, inVariable: 0 | 1): void => {
    const state = (p * width + f) * 2 + inVariable;
    if (seen[state] === 0) {
      seen[state] = 1;
      queue.push(state);
    }
  };
  visit(0, 0, 0);
  for (let head = 0; head < queue.length; head++) {
    const next = queue[head] ?? 0;
    const inVariable = next % 2 === 1;
    const f = Math.floor(next / 2) % width;
    const p = Math.floor(next / 2 / width);
    if (p === pattern.length && f === format.length && !inVariable) return true;
    const patternToken = pattern[p];
    const formatToken = format[f];

    // Moves that consume nothing.
    if (patternToken?.kind === "anyString") visit(p + 1, f, inVariable ? 1 : 0);
    if (inVariable) visit(p, f + 1, 0); // the variable has matched its one-or-more characters
    if (!inVariable && formatToken?.kind === "anyString") visit(p, f + 1, 0);

    // Moves that consume one character on both sides at once.
    const patternMoves = patternStep(patternToken, p);
    const formatMoves = formatStep(formatToken, f, inVariable);
    for (const patternMove of patternMoves) {
      for (const formatMove of formatMoves) {
        if (compatible(patternMove.accepts, formatMove.accepts)) visit(patternMove.next, formatMove.next, formatMove.inVariable);
      }
    }
  }
  return false;
}

function patternStep(token: PatternToken | undefined, p: number): { accepts: CharConstraint; next: number }[] {
  if (token === undefined) return [];
  if (token.kind === "char") return [{ accepts: token, next: p + 1 }];
  if (token.kind === "oneChar") return [{ accepts: { kind: "anyChar" }, next: p + 1 }];
  return [{ accepts: { kind: "anyChar" }, next: p }];
}

function formatStep(
  token: FormatToken | undefined,
  f: number,
  inVariable: boolean,
): { accepts: CharConstraint; next: number; inVariable: 0 | 1 }[] {
  if (token === undefined) return [];
  if (token.kind === "variable") return [{ accepts: { kind: "anyCharExcept", excluded: token.excluded }, next: f, inVariable: 1 }];
  if (inVariable) return [];
  if (token.kind === "char") return [{ accepts: token, next: f + 1, inVariable: 0 }];
  return [{ accepts: { kind: "anyChar" }, next: f, inVariable: 0 }];
}

/** Whether some single character satisfies both constraints; the alphabet is larger than any exclusion list. */
function compatible(a: CharConstraint, b: CharConstraint): boolean {
  if (a.kind === "char") return admits(b, a.char);
  if (b.kind === "char") return admits(a, b.char);
  return true;
}

function admits(constraint: CharConstraint, char: string): boolean {
  if (constraint.kind === "char") return constraint.char === char;
  return constraint.kind === "anyChar" || !constraint.excluded.includes(char);
}
