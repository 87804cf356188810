import fc from "fast-check";
import { compileMarkedPattern, markWildcards, matchesMarkedPattern } from "./wildcard-pattern";

// One seed for every run, so CI decides the same cases each time; change it to explore new ones.
fc.configureGlobal({ seed: 20261207 });

/** IAM's definition of its wildcards, as a dynamic program: `*` any run of characters, `?` exactly one. */
function referenceMatch(pattern: string, value: string): boolean {
  let row = [true, ...Array.from({ length: value.length }, () => false)];
  for (const token of pattern) {
    const next = [token === "*" && row[0]!];
    for (let v = 1; v <= value.length; v++) {
      next[v] = token === "*" ? row[v]! || next[v - 1]! : row[v - 1]! && (token === "?" || token === value[v - 1]);
    }
    row = next;
  }
  return row[value.length]!;
}

describe("the wildcard matcher, over random patterns and values", () => {
  const alphabet = fc.constantFrom("a", "b", ":", "*", "?");
  const pattern = fc.string({ unit: alphabet, maxLength: 12 });
  const value = fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 12 });

  it("agrees with IAM's definition of * and ?", () => {
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        const expected = referenceMatch(p, v);
        expect(matchesMarkedPattern(markWildcards(p), v)).toBe(expected);
        expect(compileMarkedPattern(markWildcards(p))(v)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees on values built to match, which random values rarely do", () => {
    const matchingPair = fc.array(fc.tuple(fc.constantFrom("*", "?", "a", "b"), fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 3 })), { maxLength: 8 }).map((parts) => ({
      pattern: parts.map(([token]) => token).join(""),
      value: parts.map(([token, filler]) => (token === "*" ? filler : token === "?" ? (filler[0] ?? "a") : token)).join(""),
    }));
    fc.assert(
      fc.property(matchingPair, ({ pattern: p, value: v }) => {
        expect(referenceMatch(p, v)).toBe(true);
        expect(compileMarkedPattern(markWildcards(p))(v)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
