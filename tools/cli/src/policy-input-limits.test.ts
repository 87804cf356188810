import { deepestPolicyNesting, largestPolicyCharacters, policyDocumentProblem, policyNestingProblem, policyTextProblem } from "./policy-input-limits";

/** A value nested `depth` levels deep: lists inside lists. */
const nested = (depth: number): unknown => JSON.parse("[".repeat(depth) + "]".repeat(depth));

const statement = { Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": ["ml", "ops"] } } };

describe("the limits of a policy document the CLI reads", () => {
  it("is AWS's largest policy size, a role's inline policies together", () => {
    expect(largestPolicyCharacters).toBe(10_240);
  });

  it.each<[string, string, boolean]>([
    ["a document at the limit", JSON.stringify({ Statement: [] }).padEnd(largestPolicyCharacters, "x"), false],
    ["whitespace past the limit, which IAM does not count", `${" ".repeat(largestPolicyCharacters)}{}`, false],
    ["a 100 KB action", JSON.stringify({ Statement: [{ ...statement, Action: `s3:${"a".repeat(100_000)}` }] }), true],
  ])("sizes %s (refused: %s)", (_case, text, refused) => {
    const problem = policyTextProblem(text);
    expect(problem !== undefined).toBe(refused);
    if (refused) expect(problem).toMatch(/^is \d+ characters \(whitespace not counted\), past 10240, the largest policy IAM accepts$/);
  });

  it("accepts the deepest nesting a policy needs: document, Statement list, statement, Condition, operator, values", () => {
    expect(policyNestingProblem({ Version: "2012-10-17", Statement: [statement] })).toBeUndefined();
    expect(policyNestingProblem(nested(deepestPolicyNesting))).toBeUndefined();
  });

  it("refuses nesting past the limit, naming it, and 100,000 levels without overflowing the stack", () => {
    expect(policyNestingProblem(nested(deepestPolicyNesting + 1))).toBe("nests more than 8 levels deep, deeper than any policy document needs");
    expect(policyDocumentProblem({ Statement: nested(100_000) })).toMatch(/^nests more than 8 levels deep/);
  });

  it.each<[string, unknown, string | undefined]>([
    ["a statement list", { Statement: [statement] }, undefined],
    ["one statement object", { Statement: statement }, undefined],
    ["a null statement", { Statement: [null] }, "statement 0 is null, not an object, so IAM would reject the document"],
    ["a number after a statement", { Statement: [statement, 1] }, "statement 1 is a number, not an object, so IAM would reject the document"],
    ["a string as the Statement", { Statement: "Allow" }, "statement 0 is a string, not an object, so IAM would reject the document"],
    ["a list in a list", { Statement: [[statement]] }, "statement 0 is a list, not an object, so IAM would reject the document"],
  ])("checks the statements of %s", (_case, document, problem) => {
    expect(policyDocumentProblem(document)).toBe(problem);
  });
});
