/** One position of a statement's resource pattern. */
type PatternToken = { kind: "char"; char: string } | { kind: "oneChar" } | { kind: "anyString" };

/**
 * One position of a resource type's ARN format. A variable matches one or more characters not in `excluded`;
 * `anyString` is a literal `*` that AWS writes into some formats (`arn:${Partition}:dms:…:cert:*`).
 */
type FormatToken = { kind: "char"; char: string } | { kind: "variable"; excluded: string } | { kind: "anyString" };

/** Variables that never span an ARN segment: their values cannot contain `:` or `/`. */
const segmentVariable = /^(Partition|Region|Account)$|BucketName/;

/** An ARN has six colon-separated components: arn, partition, service, region, account, resource. */
const arnComponentCount = 6;

/** One ARN format alternative, tokenised once: the whole and its six components, when it has them. */
interface ParsedFormat {
  tokens: FormatToken[];
  parts: FormatToken[][];
}

/**
 * Formats tokenised so far. Callers pass the catalog's formats, a few hundred strings that every statement and
 * action share, so each is split and tokenised once rather than once per (resource, format) pair.
 */
const parsedFormats = new Map<string, readonly ParsedFormat[]>();
/** A bound on {@link parsedFormats}, in case a caller passes formats of its own rather than the catalog's. */
const parsedFormatLimit = 10_000;

function parseFormat(arnFormat: string): readonly ParsedFormat[] {
  let parsed = parsedFormats.get(arnFormat);
  if (parsed === undefined) {
    // A few formats list alternatives: "arn:…:/apis/${ApiId}/stages, arn:…:/restapis/${RestApiId}/stages".
    parsed = arnFormat.split(/,\s*(?=arn:)/).map((alternative) => {
      const tokens = tokenizeFormat(alternative.trim());
      return { tokens, parts: arnComponents(tokens) };
    });
    if (parsedFormats.size >= parsedFormatLimit) parsedFormats.clear();
    parsedFormats.set(arnFormat, parsed);
  }
  return parsed;
}

/** Whether a resource pattern (`*`, `?`, policy variables like `${aws:username}`) can match at least one ARN of the format. */
export function resourceMatchesArnFormat(resource: string, arnFormat: string): boolean {
  if (resource === "*") return true;
  const pattern = tokenizeResource(resource);
  return matchesParsedFormat(pattern, arnComponents(pattern), arnFormat);
}

/**
 * {@link resourceMatchesArnFormat} for one resource against many formats: the resource is tokenised once and
 * each format's answer remembered, for a statement whose many actions share a handful of resource types.
 */
export function resourceArnMatcher(resource: string): (arnFormat: string) => boolean {
  if (resource === "*") return () => true;
  const pattern = tokenizeResource(resource);
  const patternParts = arnComponents(pattern);
  const answers = new Map<string, boolean>();
  return (arnFormat) => {
    let matches = answers.get(arnFormat);
    if (matches === undefined) {
      matches = matchesParsedFormat(pattern, patternParts, arnFormat);
      answers.set(arnFormat, matches);
    }
    return matches;
  };
}

function matchesParsedFormat(pattern: readonly PatternToken[], patternParts: readonly PatternToken[][], arnFormat: string): boolean {
  return parseFormat(arnFormat).some(({ tokens: format, parts: formatParts }) => {
    // Like IAM, match the components separately, so a "*" for the region cannot swallow the resource type:
    // arn:aws:sagemaker:*:*:notebook-instance/* must not match a training job. Anything that is not a
    // six-component ARN is matched as one string, the lenient choice.
    if (patternParts.length !== arnComponentCount || formatParts.length !== arnComponentCount) {
      return intersectionIsNonEmpty(pattern, format);
    }
    // A literal first or last character that differs rules a component out without a search, and most pairs of
    // a resource and a format differ so in some component, often only the last (the resource type).
    if (patternParts.some((part, i) => endsDiffer(part, formatParts[i] ?? []))) return false;
    return patternParts.every((part, i) => intersectionIsNonEmpty(part, formatParts[i] ?? []));
  });
}

/** Whether both sides start, or both end, with a literal character and the two differ: then they cannot intersect. */
function endsDiffer(pattern: readonly PatternToken[], format: readonly FormatToken[]): boolean {
  const differ = (a: PatternToken | undefined, b: FormatToken | undefined) => a?.kind === "char" && b?.kind === "char" && a.char !== b.char;
  return differ(pattern[0], format[0]) || differ(pattern[pattern.length - 1], format[format.length - 1]);
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
function intersectionIsNonEmpty(fullPattern: readonly PatternToken[], fullFormat: readonly FormatToken[]): boolean {
  // A literal character on both ends can only be consumed together: strip the common literal prefix and suffix
  // (most components: "arn", "s3", "role/…"), and a literal that differs there rules the pair out at once.
  let start = 0;
  let patternEnd = fullPattern.length;
  let formatEnd = fullFormat.length;
  for (; start < patternEnd && start < formatEnd; start++) {
    const p = fullPattern[start]!;
    const f = fullFormat[start]!;
    if (p.kind !== "char" || f.kind !== "char") break;
    if (p.char !== f.char) return false;
  }
  for (; patternEnd > start && formatEnd > start; patternEnd--, formatEnd--) {
    const p = fullPattern[patternEnd - 1]!;
    const f = fullFormat[formatEnd - 1]!;
    if (p.kind !== "char" || f.kind !== "char") break;
    if (p.char !== f.char) return false;
  }
  const pattern = start === 0 && patternEnd === fullPattern.length ? fullPattern : fullPattern.slice(start, patternEnd);
  const format = start === 0 && formatEnd === fullFormat.length ? fullFormat : fullFormat.slice(start, formatEnd);
  if (pattern.length === 0 || format.length === 0) return admitsEmpty(pattern) && admitsEmpty(format);
  const only = format.length === 1 ? format[0] : undefined;
  // One variable (`${Region}`, `${Account}`): one or more characters it does not exclude, which any non-empty
  // pattern can produce unless one of its literal characters is excluded.
  if (only?.kind === "variable") return pattern.every((token) => token.kind !== "char" || !only.excluded.includes(token.char));
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

    // Moves that consume one character on both sides at once. The pattern consumes a given character (a
    // literal) or any (`?`, or `*` staying in place); the alphabet is larger than any exclusion list.
    if (patternToken === undefined || formatToken === undefined) continue;
    const patternNext = patternToken.kind === "anyString" ? p : p + 1;
    const char = patternToken.kind === "char" ? patternToken.char : undefined;
    if (formatToken.kind === "variable") {
      if (char === undefined || !formatToken.excluded.includes(char)) visit(patternNext, f, 1);
    } else if (!inVariable) {
      if (formatToken.kind === "anyString") visit(patternNext, f, 0);
      else if (char === undefined || char === formatToken.char) visit(patternNext, f + 1, 0);
    }
  }
  return false;
}

/** Whether a side can be the empty string: only when it is nothing but `*`s (a variable is one or more characters). */
function admitsEmpty(tokens: readonly (PatternToken | FormatToken)[]): boolean {
  return tokens.every((token) => token.kind === "anyString");
}
