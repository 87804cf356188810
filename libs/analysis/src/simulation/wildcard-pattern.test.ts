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
