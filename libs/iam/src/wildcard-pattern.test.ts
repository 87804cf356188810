import { compileMarkedPattern, markWildcards, matchesMarkedPattern } from "./wildcard-pattern";

describe("wildcard patterns", () => {
  it.each<[string, string, boolean]>([
    ["*", "", true],
    ["*", "anything", true],
    ["s3:get*", "s3:getobject", true],
    ["s3:get*", "s3:putobject", false],
    ["s3:get?bject", "s3:getobject", true],
    ["s3:get?bject", "s3:getbject", false],
    ["a*b*c", "aXXbYYc", true],
    ["a*b*c", "aXXbYY", false],
    ["*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false],
    ["exact", "exact", true],
    ["exact", "exactly", false],
    ["pre*", "pre", true],
    ["*fix", "suffix", true],
  ])("%s against %s → %s", (pattern, value, expected) => {
    const marked = markWildcards(pattern);
    expect(matchesMarkedPattern(marked, value)).toBe(expected);
    expect(compileMarkedPattern(marked)(value)).toBe(expected);
  });

  it("treats unmarked * and ? as literal characters", () => {
    expect(matchesMarkedPattern("a*", "a*")).toBe(true);
    expect(matchesMarkedPattern("a*", "ab")).toBe(false);
    expect(compileMarkedPattern("a?")("ab")).toBe(false);
  });
});

describe("adversarial wildcard patterns", () => {
  // Each of these took a backtracking regular expression tens of seconds; the scan answers at once.
  const stars = `s3:${"*".repeat(5_000)}x`;
  const alternating = `${"*a".repeat(5_000)}b`;
  const value = "a".repeat(2_000);

  it("answers runs of stars as one star", () => {
    expect(compileMarkedPattern(markWildcards(stars))("s3:getobjectx")).toBe(true);
    expect(compileMarkedPattern(markWildcards(stars))("s3:getobject")).toBe(false);
    expect(matchesMarkedPattern(markWildcards(stars), "s3:getobjectx")).toBe(true);
  });

  it("answers alternating stars and literals that cannot match without exponential backtracking", () => {
    expect(compileMarkedPattern(markWildcards(alternating))(value)).toBe(false);
    expect(compileMarkedPattern(markWildcards(`${"*a".repeat(50)}*`))(value)).toBe(true);
  });

  it("treats runs of ? as exactly that many characters", () => {
    expect(compileMarkedPattern(markWildcards("??:*"))("s3:getobject")).toBe(true);
    expect(compileMarkedPattern(markWildcards("???:*"))("s3:getobject")).toBe(false);
  });
});
