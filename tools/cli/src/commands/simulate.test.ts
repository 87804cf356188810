import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../usage-error";
import { runSimulate } from "./simulate";

const directory = mkdtempSync(join(tmpdir(), "ml-iam-simulate-"));

function file(name: string, content: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const readDatasets = file("read-datasets.json", {
  Version: "2012-10-17",
  Statement: [
    { Sid: "ReadDatasets", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::ml-datasets-dev/*" },
    { Sid: "TaggedJobs", Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: "*", Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "cost-center"] } } },
  ],
});
const denyRaw = file("deny-raw.json", { Statement: { Sid: "NoRaw", Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::ml-datasets-dev/raw/*" } });
const s3Boundary = file("boundary.json", { Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] });
const object = (key: string) => `arn:aws:s3:::ml-datasets-dev/${key}`;

async function run(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runSimulate(args, (line) => lines.push(line));
  return { code, lines };
}

describe("ml-iam simulate", () => {
  it.each<[string, string[], string]>([
    ["allows what a policy allows", ["--policy", readDatasets, "--action", "s3:GetObject", "--resource", object("curated/a.csv")], "Allowed"],
    ["denies implicitly what none allows", ["--policy", readDatasets, "--action", "s3:PutObject", "--resource", object("curated/a.csv")], "ImplicitlyDenied"],
    [
      "lets a deny in a second policy win",
      ["--policy", readDatasets, "--policy", denyRaw, "--action", "s3:GetObject", "--resource", object("raw/a.csv")],
      "ExplicitlyDenied",
    ],
    [
      "stops at the boundary what the policies allow",
      ["--policy", readDatasets, "--boundary", s3Boundary, "--action", "sagemaker:CreateTrainingJob", "--resource", "*"],
      "ImplicitlyDenied",
    ],
    [
      "reads a context key given twice as multivalued",
      ["--policy", readDatasets, "--action", "sagemaker:CreateTrainingJob", "--resource", "*", "--context", "aws:TagKeys=team", "--context", "aws:TagKeys=owner"],
      "ImplicitlyDenied",
    ],
    [
      "reads context key names case-insensitively",
      ["--policy", readDatasets, "--action", "sagemaker:CreateTrainingJob", "--resource", "*", "--context", "aws:TagKeys=team", "--context", "AWS:tagkeys=cost-center"],
      "Allowed",
    ],
  ])("%s, exiting 0", async (_case, args, decision) => {
    expect(await run(...args)).toEqual({ code: 0, lines: [decision] });
  });

  it("prints the decision and the applying statements as JSON with --json", async () => {
    const { code, lines } = await run("--policy", readDatasets, "--policy", denyRaw, "--action", "s3:GetObject", "--resource", object("raw/a.csv"), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(lines.join("\n"))).toEqual({
      decision: "ExplicitlyDenied",
      matched: [
        { policy: "identity", document: 0, statement: 0, sid: "ReadDatasets", effect: "Allow" },
        { policy: "identity", document: 1, statement: 0, sid: "NoRaw", effect: "Deny" },
      ],
    });
  });

  it.each<[string, string[], RegExp]>([
    ["an unreadable policy file", ["--policy", join(directory, "missing.json"), "--action", "s3:GetObject", "--resource", "*"], /^simulate: cannot read policy file .*missing\.json: ENOENT$/],
    ["malformed JSON", ["--policy", file("broken.json", "{ nope"), "--action", "s3:GetObject", "--resource", "*"], /^simulate: .*broken\.json is not valid JSON: /],
    ["JSON that is no policy document", ["--policy", file("list.json", [1, 2]), "--action", "s3:GetObject", "--resource", "*"], /^simulate: .*list\.json is not a policy document/],
    ["an unknown flag", ["--policy", readDatasets, "--action", "s3:GetObject", "--resource", "*", "--frobnicate"], /^simulate: Unknown option '--frobnicate'/],
    ["a missing --action", ["--policy", readDatasets, "--resource", "*"], /^simulate: give the action to decide with --action/],
    ["a missing --resource", ["--policy", readDatasets, "--action", "s3:GetObject"], /^simulate: give the resource with --resource/],
    ["no --policy", ["--action", "s3:GetObject", "--resource", "*"], /^simulate: give at least one identity policy with --policy/],
    ["a context pair without =", ["--policy", readDatasets, "--action", "s3:GetObject", "--resource", "*", "--context", "aws:username"], /^simulate: --context aws:username is not key=value/],
    ["an unreadable boundary", ["--policy", readDatasets, "--boundary", join(directory, "nope.json"), "--action", "s3:GetObject", "--resource", "*"], /^simulate: cannot read policy file .*nope\.json/],
    ["a policy past AWS's largest policy size", ["--policy", file("huge.json", { Statement: [{ Effect: "Allow", Action: `s3:${"a".repeat(100_000)}`, Resource: "*" }] }), "--action", "s3:GetObject", "--resource", "*"], /^simulate: .*huge\.json is \d+ characters \(whitespace not counted\), past 10240, the largest policy IAM accepts$/],
    ["a boundary nested deeper than any policy needs", ["--policy", readDatasets, "--boundary", file("deep.json", `{"Statement":${"[".repeat(1_000)}${"]".repeat(1_000)}}`), "--action", "s3:GetObject", "--resource", "*"], /^simulate: .*deep\.json nests more than 8 levels deep/],
  ])("rejects %s with one line (a UsageError: exit code 2)", async (_case, args, expected) => {
    const failure = run(...args);
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(failure).rejects.toThrow(expected);
    const message = await failure.then(() => "", (caught: unknown) => (caught as Error).message);
    expect(message).not.toContain("\n");
  });

  // Issue 16, finding 8: these were decided (Allowed, ImplicitlyDenied) where lint said INVALID_DOCUMENT.
  it.each<[string, unknown]>([
    ["a lower-case Effect beside an Allow", { Statement: [{ Effect: "deny", Action: "s3:GetObject", Resource: "*" }, { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }],
    ["a null statement", { Statement: [null] }],
  ])("refuses to decide on a document IAM would reject: %s", async (_case, document) => {
    const invalid = file(`invalid-${_case.length}.json`, document);
    await expect(run("--policy", invalid, "--action", "s3:GetObject", "--resource", object("a.csv"))).rejects.toBeInstanceOf(UsageError);
    await expect(run("--policy", invalid, "--action", "s3:GetObject", "--resource", object("a.csv"))).rejects.toThrow(/invalid-\d+\.json: statement 0 (has Effect "deny"|is not an object)/);
  });
});
