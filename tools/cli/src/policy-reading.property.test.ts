import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAccessDiff } from "./commands/access-diff";
import { runLint } from "./commands/lint";
import { UsageError } from "./usage-error";

// One seed for every run, so CI decides the same cases each time; change it to explore new ones.
fc.configureGlobal({ seed: 20261207 });

const directory = mkdtempSync(join(tmpdir(), "ml-iam-policy-reading-"));
let written = 0;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A throwaway policy file with the given text. */
function policyFile(text: string): string {
  const file = join(directory, `policy-${written++}.json`);
  writeFileSync(file, text);
  return file;
}

const pattern = fc.oneof(
  fc.string({ unit: fc.constantFrom("s", "3", ":", "*", "?", "a", "/", "$", "{", "}"), maxLength: 16 }),
  fc.constantFrom("*", "s3:GetObject", "iam:PassRole", "arn:aws:s3:::b/*", "s3:************x"),
  fc.jsonValue({ maxDepth: 2 }),
);

const statement = fc.record(
  {
    Effect: fc.oneof(fc.constantFrom("Allow", "Deny", "deny"), fc.jsonValue({ maxDepth: 1 })),
    Action: pattern,
    NotAction: pattern,
    Resource: pattern,
    Principal: fc.oneof(fc.constant("*"), fc.record({ AWS: pattern })),
    Condition: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), fc.dictionary(fc.constantFrom("toString", "aws:SourceArn", "__proto__"), pattern))),
  },
  { requiredKeys: [] },
);

const document = fc.record(
  {
    Version: fc.oneof(fc.constant("2012-10-17"), fc.jsonValue({ maxDepth: 1 })),
    Statement: fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: statement }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 4 }), statement),
  },
  { requiredKeys: [] },
);

/** What a user might hand the CLI as a policy file: documents, any JSON, text that is not JSON, too deep, too large. */
const policyText = fc.oneof(
  { weight: 4, arbitrary: document.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("{", "}", "\n", "a", '"', "[", ":"), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((depth) => `{"Statement":${"[".repeat(depth)}${"]".repeat(depth)}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 120_000 }).map((length) => JSON.stringify({ Statement: [{ Effect: "Allow", Action: `s3:${"*".repeat(length)}x`, Resource: "*" }] })) },
);

/** A command's answer: an exit code, or a UsageError of one line; anything else thrown fails the property. */
async function expectExitCodeOrUsageError(run: () => Promise<number>): Promise<void> {
  try {
    expect([0, 1]).toContain(await run());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    expect(error.message).not.toMatch(/\n/);
  }
}

describe("reading policy files, over random documents and text", () => {
  it("ml-iam lint answers with findings or one usage line, never another exception", async () => {
    await fc.assert(
      fc.asyncProperty(policyText, (text) => expectExitCodeOrUsageError(() => runLint([policyFile(text)], () => undefined))),
      { numRuns: 200 },
    );
  });

  it("ml-iam access-diff of two policy files answers with a diff or one usage line, never another exception", async () => {
    await fc.assert(
      fc.asyncProperty(policyText, policyText, (before, after) =>
        expectExitCodeOrUsageError(() => runAccessDiff(["--before", policyFile(before), "--after", policyFile(after)], () => undefined, directory)),
      ),
      { numRuns: 100 },
    );
  });

  it("refuses a policy document larger than any IAM accepts in lint and access-diff alike, naming the limit", async () => {
    const oversized = fc.integer({ min: 10_300, max: 120_000 }).map((length) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: `s3:${"?".repeat(length)}`, Resource: "*" }] }));
    await fc.assert(
      fc.asyncProperty(oversized, async (text) => {
        const file = policyFile(text);
        await expect(runLint([file], () => undefined)).rejects.toThrow(/past 10240, the largest policy IAM accepts/);
        await expect(runAccessDiff(["--before", file, "--after", file], () => undefined, directory)).rejects.toThrow(/past 10240, the largest policy IAM accepts/);
      }),
      { numRuns: 20 },
    );
  });
});
