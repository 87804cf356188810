import type { StatementJson } from "./policy-json";
import { characterLimit, policyCharacterCount, splitStatementsToFit } from "./quotas";

const statement = (n: number): StatementJson => ({
  Effect: "Allow",
  Action: "s3:GetObject",
  Resource: `arn:aws:s3:::bucket-${"x".repeat(n)}/*`,
});

describe("AWS policy quotas", () => {
  it("does not count whitespace", () => {
    expect(policyCharacterCount('{ "a" :\n  "b c" }')).toBe(11);
  });

  it.each([
    ["identity", 6144],
    ["boundary", 6144],
    ["trust", 2048],
    ["inline", 10240],
  ] as const)("limits a %s document to %i characters", (kind, limit) => {
    expect(characterLimit(kind)).toBe(limit);
  });

  it("splits statements into the fewest documents that each fit", () => {
    const statements = [statement(100), statement(100), statement(100)];
    const oneSize = policyCharacterCount(JSON.stringify({ Version: "2012-10-17", Statement: [statements[0]] }));
    const groups = splitStatementsToFit(statements, oneSize * 2 - 30);
    expect(groups.map((g) => g.length)).toEqual([2, 1]);
  });

  it("refuses a single statement that cannot fit, naming it", () => {
    expect(() => splitStatementsToFit([statement(1), statement(500)], 200)).toThrow(/statement 1 alone is \d+ characters/);
  });
});
