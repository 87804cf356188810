/**
 * IAM's wildcard matching, the one matcher for every pattern (actions, resources, principals, condition
 * values, the action catalog), without regular expressions: time grows with the pattern's and the value's
 * lengths, never exponentially, whatever runs of `*` and `?` a pattern holds. A compiled pattern marks its
 * wildcards with two private-use characters, so that a literal `*` or `?` (from a `${*}` escape or a
 * substituted policy variable) stays literal: only {@link anyRun} and {@link anyCharacter} are wild.
 */

/** Stands for `*` in a compiled pattern: any run of characters, including none. */
export const anyRun = "\uE000";

/** Stands for `?` in a compiled pattern: exactly one character. */
export const anyCharacter = "\uE001";

/** A test of a value against one compiled pattern. */
export type WildcardMatcher = (value: string) => boolean;

const matchesEverything: WildcardMatcher = () => true;

/** `*` and `?` of an IAM pattern turned into the wildcard marks; every other character stays literal. */
export function markWildcards(pattern: string): string {
  return pattern.replace(/[*?]/g, (wildcard) => (wildcard === "*" ? anyRun : anyCharacter));
}

/** Whether a value matches a pattern with wildcard marks, scanning both once with backtracking to the last run. */
export function matchesMarkedPattern(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let run = -1;
  let resume = 0;
  while (v < value.length) {
    const token = pattern[p];
    if (token === anyRun) {
      // A run of `*` matches what one does: skip it whole, so backtracking resumes past all of it.
      while (pattern[p + 1] === anyRun) p++;
      run = p++;
      resume = v;
    } else if (p < pattern.length && (token === anyCharacter || token === value[v])) {
      p++;
      v++;
    } else if (run !== -1) {
      p = run + 1;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === anyRun) p++;
  return p === pattern.length;
}

/**
 * A matcher for a pattern with wildcard marks, with the common shapes (no wildcard, a single trailing
 * run, a run alone) answered by string comparison instead of the general scan.
 */
export function compileMarkedPattern(marked: string): WildcardMatcher {
  const pattern = collapseRuns(marked);
  const firstWildcard = firstWildcardIndex(pattern);
  if (firstWildcard === -1) return (value) => value === pattern;
  if (pattern === anyRun) return matchesEverything;
  if (firstWildcard === pattern.length - 1 && pattern[firstWildcard] === anyRun) {
    const prefix = pattern.slice(0, -1);
    return (value) => value.startsWith(prefix);
  }
  return (value) => matchesMarkedPattern(pattern, value);
}

/** The pattern with each run of consecutive {@link anyRun} marks as one: `a***b` matches what `a*b` does. */
function collapseRuns(pattern: string): string {
  return pattern.includes(anyRun + anyRun) ? pattern.replace(new RegExp(`${anyRun}{2,}`, "g"), anyRun) : pattern;
}

/** Whether a pattern has wildcard marks at all. */
export function hasWildcards(pattern: string): boolean {
  return firstWildcardIndex(pattern) !== -1;
}

function firstWildcardIndex(pattern: string): number {
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] === anyRun || pattern[index] === anyCharacter) return index;
  }
  return -1;
}
