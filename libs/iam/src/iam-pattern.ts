/**
 * Whether a value matches an IAM pattern with `*` (any run) and `?` (one character). Actions match
 * case-insensitively, resources case-sensitively, as IAM evaluates them.
 */
export function matchesIamPattern(pattern: string, value: string, options: { caseInsensitive?: boolean } = {}): boolean {
  const p = options.caseInsensitive ? pattern.toLowerCase() : pattern;
  const v = options.caseInsensitive ? value.toLowerCase() : value;
  // Greedy two-pointer glob match with backtracking to the last `*`: linear in practice, no regex blowup.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === "?" || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === "*") {
      star = pi++;
      mark = vi;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") pi++;
  return pi === p.length;
}
