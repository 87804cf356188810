import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../usage-error";
import { runLint, type LintFinding } from "./lint";

const fixtures = join(__dirname, "../../../../libs/iam/src/rules/fixtures");
const seed = (name: string) => join(fixtures, `${name}.json`);

async function lint(...args: string[]) {
  const lines: string[] = [];
  const code = await runLint(args, (line) => lines.push(line));
  return { code, lines };
}

/** A throwaway file with the given content. */
function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "ml-iam-lint-")), name);
  writeFileSync(file, content);
  return file;
}

describe("ml-iam lint", () => {
  it("fails on an error finding, printing one line per finding with its file", async () => {
    const file = seed("seed-004-policy");
    const { code, lines } = await lint(file);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${file}: error RESOURCE_MISMATCH statement 0 (s3:ListBucket on arn:aws:s3:::ml-datasets-*/*): s3:ListBucket applies to accesspoint or bucket resources, not to arn:aws:s3:::ml-datasets-*/*: use arn:aws:s3:::ml-datasets-*`,
      expect.stringMatching(/: warning WILDCARD_RESOURCE statement 1 \(ec2:RunInstances on \*\): /),
      expect.stringMatching(/: warning WILDCARD_RESOURCE statement 1 \(ec2:TerminateInstances on \*\): /),
    ]);
  });

  it("passes with warnings only, and prints them", async () => {
    const { code, lines } = await lint(seed("seed-003-policy"));
    expect(code).toBe(0);
    expect(lines.map((line) => line.split(" ").slice(1, 3).join(" "))).toEqual([
      "warning WILDCARD_RESOURCE",
      "warning WILDCARD_ACTION",
      "warning PRIVILEGE_ESCALATION",
      "warning PRIVILEGE_ESCALATION",
      "warning PRIVILEGE_ESCALATION",
      "warning PRIVILEGE_ESCALATION",
    ]);
  });

  it("prints nothing for a clean document", async () => {
    expect(await lint(seed("seed-001-policy"))).toEqual({ code: 0, lines: [] });
  });

  it("lints several files, each finding naming its file", async () => {
    const { code, lines } = await lint(seed("seed-001-policy"), seed("seed-002-trust"), seed("seed-004-trust"));
    expect(code).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/seed-002-trust\.json: warning MISSING_CONFUSED_DEPUTY_CONDITION statement 0 \(sts:AssumeRole\): sagemaker\.amazonaws\.com is trusted/),
      expect.stringMatching(/seed-004-trust\.json: warning MISSING_CONFUSED_DEPUTY_CONDITION statement 0/),
    ]);
  });

  it("reads a document whose statements all name a Principal as a trust policy, unless --kind says otherwise", async () => {
    expect((await lint(seed("seed-002-trust"))).lines).toEqual([expect.stringContaining("MISSING_CONFUSED_DEPUTY_CONDITION")]);
    expect((await lint(seed("seed-002-trust"), "--kind", "trust")).lines).toEqual([expect.stringContaining("MISSING_CONFUSED_DEPUTY_CONDITION")]);
    const asIdentity = await lint(seed("seed-002-trust"), "--kind", "identity");
    expect(asIdentity.code).toBe(1);
    expect(asIdentity.lines.join("\n")).toMatch(/INVALID_DOCUMENT statement 0: an identity policy cannot name a Principal/);
  });

  it("treats a boundary as a ceiling with --kind boundary", async () => {
    const file = tempFile("boundary.json", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] }));
    expect(await lint(file, "--kind", "boundary")).toEqual({ code: 0, lines: [] });
    const asIdentity = await lint(file);
    expect(asIdentity.code).toBe(1);
    expect(asIdentity.lines.join("\n")).toMatch(/error PASS_ROLE_UNRESTRICTED statement 0 \(iam:PassRole on \*\)/);
  });

  it("fails on an OIDC trust without a subject", async () => {
    const file = tempFile(
      "github-trust.json",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } },
          },
        ],
      }),
    );
    const { code, lines } = await lint(file);
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/: error OIDC_TRUST_UNRESTRICTED statement 0 \(sts:AssumeRoleWithWebIdentity\): /)]);
  });

  it("reports a JSON value that is not a policy document as a finding, not as bad input", async () => {
    const { code, lines } = await lint(tempFile("list.json", "[]"));
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/: error INVALID_DOCUMENT document: a policy document must be a JSON object/)]);
  });

  it("prints every finding as JSON with --json, absent fields as null", async () => {
    const file = seed("seed-004-policy");
    const { code, lines } = await lint(file, seed("seed-004-trust"), "--json");
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    const { findings } = JSON.parse(lines[0]!) as { findings: LintFinding[] };
    expect(findings.map((f) => [f.code, f.severity, f.statement, f.action, f.resource])).toEqual([
      ["RESOURCE_MISMATCH", "error", 0, "s3:ListBucket", "arn:aws:s3:::ml-datasets-*/*"],
      ["WILDCARD_RESOURCE", "warning", 1, "ec2:RunInstances", "*"],
      ["WILDCARD_RESOURCE", "warning", 1, "ec2:TerminateInstances", "*"],
      ["MISSING_CONFUSED_DEPUTY_CONDITION", "warning", 0, "sts:AssumeRole", null],
    ]);
    expect(findings[0]).toEqual({
      file,
      code: "RESOURCE_MISMATCH",
      severity: "error",
      statement: 0,
      action: "s3:ListBucket",
      resource: "arn:aws:s3:::ml-datasets-*/*",
      message: expect.stringContaining("use arn:aws:s3:::ml-datasets-*"),
    });
  });

  it("prints an empty list as JSON for clean documents", async () => {
    expect(await lint("--json", seed("seed-001-policy"))).toEqual({ code: 0, lines: ['{"findings":[]}'] });
  });

  it.each<[string, () => string[], RegExp]>([
    ["no file", () => [], /^lint needs at least one policy file/],
    ["an unreadable file", () => [join(tmpdir(), "ml-iam-lint-does-not-exist.json")], /^cannot read .*ml-iam-lint-does-not-exist\.json: no such file \(ENOENT\)$/],
    ["malformed JSON", () => [tempFile("broken.json", '{"Version": "2012-10-17",\n  "Statement": [\n')], /^.*broken\.json is not JSON: /],
    ["an unknown flag", () => [seed("seed-001-policy"), "--fix"], /Unknown option '--fix'/],
    ["a bad --kind", () => [seed("seed-001-policy"), "--kind", "resource"], /^--kind must be one of identity, trust, boundary, inline, got "resource"$/],
    ["--kind without a value", () => [seed("seed-001-policy"), "--kind"], /--kind/],
    ["a directory", () => [fixtures], /^cannot read .*fixtures: is a directory \(EISDIR\)$/],
    ["a document past AWS's largest policy size (a 100 KB action)", () => [tempFile("huge.json", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: `s3:${"a".repeat(100_000)}`, Resource: "*" }] }))], /^.*huge\.json is 100\d{3} characters \(whitespace not counted\), past 10240, the largest policy IAM accepts$/],
    ["a document nested deeper than any policy needs", () => [tempFile("deep.json", `{"Statement":${"[".repeat(1_000)}${"]".repeat(1_000)}}`)], /^.*deep\.json nests more than 8 levels deep, deeper than any policy document needs$/],
  ])("rejects %s as a one-line usage error, printing nothing", async (_case, args, message) => {
    const print = jest.fn();
    const error = await runLint(args(), print).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect(print).not.toHaveBeenCalled();
  });

  it("reads every file before printing: a bad second file prints nothing about the first", async () => {
    const print = jest.fn();
    await expect(runLint([seed("seed-004-policy"), join(tmpdir(), "ml-iam-lint-missing.json")], print)).rejects.toThrow(UsageError);
    expect(print).not.toHaveBeenCalled();
  });
});
