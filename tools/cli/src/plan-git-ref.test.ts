import { testPlan } from "@ml-iam/analysis/src/testing";
import { FileWriteError, PlanStore } from "@ml-iam/plan";
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planWorkingTree } from "./plan-git-ref";

const temporaryDirectories: string[] = [];
afterAll(() => temporaryDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/**
 * A checkout whose `tools/cli/bin/ml-iam.js` records the arguments it was given and writes one plan to --out;
 * `knowsReportOnly: false` stands for a ref from before --report-only, whose CLI refuses the option as parseArgs does.
 */
function checkout(knowsReportOnly: boolean): string {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-plan-git-ref-test-"));
  temporaryDirectories.push(root);
  new PlanStore(join(root, "planned")).write(testPlan("team", []));
  mkdirSync(join(root, "tools/cli/bin"), { recursive: true });
  writeFileSync(
    join(root, "tools/cli/bin/ml-iam.js"),
    `const fs = require("node:fs"), path = require("node:path");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(join(root, "calls"))}, args.join(" ") + "\\n");
if (${!knowsReportOnly} && args.includes("--report-only")) {
  console.error("ml-iam: Unknown option '--report-only'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \\"--report-only\\"");
  process.exit(2);
}
const out = args[args.indexOf("--out") + 1];
fs.cpSync(${JSON.stringify(join(root, "planned"))}, out, { recursive: true });
`,
  );
  return root;
}

describe("planning the working tree for an access diff", () => {
  it.each([
    ["a CLI that knows --report-only plans once, in report-only mode", true, ["--report-only"]],
    ["a CLI from before --report-only is asked again without it", false, ["--report-only", ""]],
  ])("%s", async (_case, knowsReportOnly, endings) => {
    const root = checkout(knowsReportOnly);
    const job = planWorkingTree(root, "dev");
    try {
      expect((await job.plans).map((plan) => plan.stack)).toEqual(["team"]);
    } finally {
      job.cleanUp();
    }
    const calls = readFileSync(join(root, "calls"), "utf8").trimEnd().split("\n");
    expect(calls.map((call) => call.replace(/^plan --env dev --out \S+ ?/, ""))).toEqual(endings);
  });
});

describe("planning for an access diff in a temporary directory it cannot create", () => {
  afterEach(() => jest.restoreAllMocks());

  it("fails with one line naming the temporary directory and the cause", () => {
    const root = checkout(true);
    jest.spyOn(fs, "mkdtempSync").mockImplementation(() => {
      throw Object.assign(new Error("ENOSPC: no space left on device, mkdtemp"), { code: "ENOSPC" });
    });
    const attempt = () => planWorkingTree(root, "dev");
    expect(attempt).toThrow(FileWriteError);
    expect(attempt).toThrow(`cannot create directory ${join(tmpdir(), "ml-iam-access-diff-")}XXXXXX: no space left on device (ENOSPC)`);
  });
});
