import { matchesIamPattern } from "./iam-pattern";

describe("IAM pattern matching", () => {
  it.each([
    ["s3:Get*", "s3:GetObject", true, true],
    ["s3:get*", "s3:GetObject", true, true],
    ["s3:get*", "s3:GetObject", false, false],
    ["s3:GetObject?", "s3:GetObjectA", false, true],
    ["s3:GetObject?", "s3:GetObject", false, false],
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y", false, true],
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b", false, false],
    ["*", "anything", false, true],
    ["a*b*c", "aXXbYYc", false, true],
    ["a*b*c", "aXXbYY", false, false],
  ])("%s against %s (case-insensitive: %s) → %s", (pattern, value, caseInsensitive, expected) => {
    expect(matchesIamPattern(pattern, value, { caseInsensitive })).toBe(expected);
  });
});
