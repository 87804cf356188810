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

  it("fills each document as far as serialising it says it fits, statements of any size and characters", () => {
    const sizeOf = (group: StatementJson[]) => policyCharacterCount(JSON.stringify({ Version: "2012-10-17", Statement: group }));
    const statements = Array.from({ length: 60 }, (_, i) => ({
      ...statement((i * 37) % 90),
      ...(i % 4 === 0 ? { Sid: `S${i} "quoted" \\ é\u2028 spaced` } : {}),
      ...(i % 5 === 0 ? { Condition: { StringLike: { "aws:PrincipalTag/team": ["a b", "c\td"] } } } : {}),
    }));
    for (const limit of [400, 700, 1500, 6144]) {
      const groups = splitStatementsToFit(statements, limit);
      expect(groups.flat()).toEqual(statements);
      groups.forEach((group, i) => {
        expect(sizeOf(group)).toBeLessThanOrEqual(limit);
        // The fewest documents: the next document's first statement would not have fitted into this one.
        const next = groups[i + 1]?.[0];
        if (next) expect(sizeOf([...group, next])).toBeGreaterThan(limit);
      });
    }
  });

  it("counts whitespace outside ASCII as whitespace, and inside strings as characters", () => {
    expect(policyCharacterCount('{\u00a0"a":\u2028"b\u3000c"\ufeff}')).toBe(11);
  });

  it("refuses a single statement that cannot fit, naming it", () => {
    expect(() => splitStatementsToFit([statement(1), statement(500)], 200)).toThrow(/statement 1 alone is \d+ characters/);
  });
});
