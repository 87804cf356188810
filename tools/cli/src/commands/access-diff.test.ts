import { testDocument, testPlan, testPolicy, testPolicyArn, testRole } from "@ml-iam/analysis/src/testing";
import { PlanStore, type PlanFile } from "@ml-iam/plan";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { UsageError } from "../usage-error";
import { runAccessDiff } from "./access-diff";

const workspaceRoot = join(__dirname, "../../../..");

function teamPlan(actions: string[], attached = true): PlanFile {
  return testPlan("team", [
    testPolicy("team", "data", testDocument({ Effect: "Allow", Action: actions, Resource: "arn:aws:s3:::team-data/*" })),
    ...testRole("team", "worker", { policyArns: attached ? [testPolicyArn("team", "data")] : [] }),
  ]);
}

/** The plan with its managed policy's document replaced by `policy`, as a hand-edited plan file could have it. */
function withPolicy(plan: PlanFile, policy: string): PlanFile {
  const steps = plan.steps.map((step) =>
    step.newState.type === "aws:iam/policy:Policy" ? { ...step, newState: { ...step.newState, inputs: { ...step.newState.inputs, policy } } } : step,
  );
  return { ...plan, steps };
}

const temporaryDirectories: string[] = [];
afterAll(() => temporaryDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), "ml-iam-access-diff-test-"));
  temporaryDirectories.push(directory);
  return directory;
}

/** A plan directory (dist/plan layout) holding the plans. */
function planDirectory(...plans: PlanFile[]): string {
  const directory = temporaryDirectory();
  for (const plan of plans) new PlanStore(directory).write(plan);
  return directory;
}

function file(name: string, content: string): string {
  const path = join(temporaryDirectory(), name);
  writeFileSync(path, content);
  return path;
}

async function accessDiff(cwd: string, ...args: string[]) {
  const lines: string[] = [];
  const code = await runAccessDiff(args, (line) => lines.push(line), cwd);
  return { code, output: lines.join("\n") };
}

describe("ml-iam access-diff --before --after", () => {
  it("compares two plan directories", async () => {
    const before = planDirectory(teamPlan(["s3:GetObject"]));
    const after = planDirectory(teamPlan(["s3:GetObject", "s3:PutObject"]));
    const { code, output } = await accessDiff(tmpdir(), "--before", before, "--after", after, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(output)).toEqual({
      principals: [
        {
          principal: "arn:aws:iam::111111111111:role/ml/team/worker",
          stack: "team",
          kind: "role",
          name: "worker",
          change: "changed",
          granted: [{ action: "s3:PutObject", resource: "arn:aws:s3:::team-data/*", conditional: false }],
          revoked: [],
        },
      ],
      findings: { new: [], resolved: [] },
      workflows: [],
    });
  });

  it("compares two plan files, a removed attachment showing as revoked", async () => {
    const before = join(planDirectory(teamPlan(["s3:GetObject"])), "team/dev.json");
    const after = join(planDirectory(teamPlan(["s3:GetObject"], false)), "team/dev.json");
    const { output } = await accessDiff(tmpdir(), "--before", before, "--after", after);
    expect(output).toBe(
      [
        "0 new findings, 0 resolved; access changes for 1 principal: 0 granted, 1 revoked (action, resource) pairs.",
        "",
        "role worker (team): arn:aws:iam::111111111111:role/ml/team/worker",
        "  - s3 on arn:aws:s3:::team-data/*: GetObject",
      ].join("\n"),
    );
  });

  it("compares two bare policy documents as one principal, with their findings", async () => {
    const before = file("team.json", JSON.stringify(testDocument({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })));
    const after = file("team.json", JSON.stringify(testDocument({ Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjet"], Resource: "arn:aws:s3:::b/*" })));
    const { output } = await accessDiff(tmpdir(), "--before", before, "--after", after, "--markdown");
    expect(output).toMatch(/^### Access changes \(dev\)\n\n1 new finding \(1 error\), 0 resolved; no access changes\./);
    expect(output).toContain("`UNKNOWN_ACTION` in `team.json` (identity), statement 0 (`s3:GetObjet`)");
  });

  it.each<[string, (valid: string) => string[], RegExp]>([
    ["an unknown flag", () => ["--frobnicate"], /Unknown option '--frobnicate'/],
    ["neither --base nor --before", () => [], /missing --base <ref>/],
    ["--before without --after", (valid) => ["--before", valid], /--before and --after go together/],
    ["refs and files together", (valid) => ["--base", "HEAD", "--before", valid, "--after", valid], /not both/],
    ["--json with --markdown", (valid) => ["--before", valid, "--after", valid, "--json", "--markdown"], /choose one of --json and --markdown/],
    ["a file that does not exist", (valid) => ["--before", "/nonexistent/plan.json", "--after", valid], /^\/nonexistent\/plan.json: no such file or directory$/],
    ["malformed JSON", (valid) => ["--before", file("bad.json", "{"), "--after", valid], /bad.json: not JSON/],
    ["JSON that is neither plan nor policy", (valid) => ["--before", file("other.json", "[]"), "--after", valid], /neither a plan file nor a policy document/],
    ["a plan file that fails its schema", (valid) => ["--before", file("plan.json", '{"version":1,"steps":[]}'), "--after", valid], /plan.json: not a plan file/],
    ["a plan against a policy", (valid) => ["--before", valid, "--after", file("p.json", JSON.stringify(testDocument()))], /both be plans or both be policy documents/],
    ["a policy with a null statement", (valid) => ["--before", file("null.json", '{"Statement":[null]}'), "--after", valid], /^.*null\.json: statement 0 is null, not an object, so IAM would reject the document$/],
    ["a policy nested deeper than any policy needs", (valid) => ["--before", file("deep.json", `{"Statement":${"[".repeat(10_000)}${"]".repeat(10_000)}}`), "--after", valid], /^.*deep\.json: nests more than 8 levels deep/],
    [
      "a plan file holding a policy whose statement is not an object",
      (valid) => ["--before", file("plan.json", JSON.stringify(withPolicy(teamPlan(["s3:GetObject"]), '{"Statement":[null]}'))), "--after", valid],
      /^.*plan\.json: the policy of data statement 0 is null, not an object, so IAM would reject the document$/,
    ],
    ["a directory without plans of the env", (valid) => ["--before", valid, "--after", valid, "--env", "prod"], /no prod plans in it/],
    ["an env that is not a name", (valid) => ["--before", valid, "--after", valid, "--env", "../x"], /not an env name/],
  ])("refuses %s with a UsageError", async (_case, args, message) => {
    const run = accessDiff(tmpdir(), ...args(planDirectory(teamPlan(["s3:GetObject"]))));
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});

describe("ml-iam access-diff --base", () => {
  let repo: string;
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: repo, encoding: "utf8" });
  const config = "stacks/data-scientists/Pulumi.dev.yaml";
  const addDatasetBucket = () =>
    writeFileSync(join(repo, config), readFileSync(join(repo, config), "utf8").replace("    - data-scientists-datasets-dev\n", "    - data-scientists-datasets-dev\n    - data-scientists-extra-dev\n"));
  const excluded = new Set(["node_modules", "dist", ".nx", ".git"]);

  beforeAll(() => {
    // A copy of this workspace as a repository of its own: two commits, the second adding a dataset bucket.
    repo = temporaryDirectory();
    cpSync(workspaceRoot, repo, { recursive: true, filter: (source) => !relative(workspaceRoot, source).split(sep).some((part) => excluded.has(part)) });
    symlinkSync(join(workspaceRoot, "node_modules"), join(repo, "node_modules"));
    git("init", "-q");
    writeFileSync(join(repo, ".git/info/exclude"), "node_modules\n");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    addDatasetBucket();
    git("commit", "-q", "-am", "head: one more dataset bucket");
  });

  const grantedBuckets = (output: string) =>
    (JSON.parse(output) as { principals: { name: string; granted: { action: string; resource: string }[]; revoked: unknown[] }[] }).principals.map(
      (change) => ({ name: change.name, granted: change.granted.map((pair) => `${pair.action} ${pair.resource}`), revoked: change.revoked }),
    );
  const expected = [
    {
      name: "data-scientists-access",
      granted: ["s3:GetBucketLocation arn:aws:s3:::data-scientists-extra-dev", "s3:GetObject arn:aws:s3:::data-scientists-extra-dev/*", "s3:ListBucket arn:aws:s3:::data-scientists-extra-dev"],
      revoked: [],
    },
    {
      name: "data-scientists-job",
      granted: ["s3:GetBucketLocation arn:aws:s3:::data-scientists-extra-dev", "s3:GetObject arn:aws:s3:::data-scientists-extra-dev/*", "s3:ListBucket arn:aws:s3:::data-scientists-extra-dev"],
      revoked: [],
    },
    {
      name: "data-scientists-studio",
      granted: ["s3:GetBucketLocation arn:aws:s3:::data-scientists-extra-dev", "s3:GetObject arn:aws:s3:::data-scientists-extra-dev/*", "s3:ListBucket arn:aws:s3:::data-scientists-extra-dev"],
      revoked: [],
    },
  ];

  it("plans both refs in temporary worktrees and leaves the checkout as it was", async () => {
    const { code, output } = await accessDiff(repo, "--base", "HEAD~1", "--head", "HEAD", "--json");
    expect(code).toBe(0);
    expect(grantedBuckets(output)).toEqual(expected);
    expect(git("status", "--porcelain").stdout).toBe("");
    expect(git("worktree", "list", "--porcelain").stdout.match(/^worktree /gm)).toHaveLength(1);
  });

  it("compares a ref with the working tree's uncommitted changes when there is no --head", async () => {
    git("reset", "-q", "--hard", "HEAD~1");
    addDatasetBucket();
    try {
      const { output } = await accessDiff(repo, "--base", "HEAD", "--json");
      expect(grantedBuckets(output)).toEqual(expected);
      expect(git("status", "--porcelain").stdout.trim()).toBe(`M ${config}`);
    } finally {
      git("checkout", "-q", "--", config);
    }
  });

  it("plans each ref with its own libraries, and exits 1 with the plan's output when a ref does not plan", async () => {
    const library = join(repo, "libs/team-stack/src/index.ts");
    const original = readFileSync(library, "utf8");
    writeFileSync(library, `throw new Error("team-stack broken on purpose");\n${original}`);
    git("commit", "-q", "-am", "break the team stack library");
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const { code } = await accessDiff(repo, "--base", "HEAD~1", "--head", "HEAD");
      expect(code).toBe(1);
      const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join("");
      expect(written).toMatch(/^ml-iam: planning HEAD failed\n/);
      expect(written).toContain("team-stack broken on purpose");
      expect(git("worktree", "list", "--porcelain").stdout.match(/^worktree /gm)).toHaveLength(1);
    } finally {
      stderr.mockRestore();
      git("reset", "-q", "--hard", "HEAD~1");
    }
  });

  it("names the workflow a head breaks: both refs plan in report-only mode", async () => {
    const stackProgram = join(repo, "stacks/data-scientists/src/index.ts");
    const original = readFileSync(stackProgram, "utf8");
    // The job role loses the shared datasets, which a running training job reads.
    const jobGrant = `...policyArns(policies.job), "datasets-read": central.datasetsReadPolicyArn`;
    expect(original).toContain(jobGrant);
    writeFileSync(stackProgram, original.replace(jobGrant, "...policyArns(policies.job)"));
    git("commit", "-q", "-am", "the job role no longer reads the shared datasets");
    try {
      const { code, output } = await accessDiff(repo, "--base", "HEAD~1", "--head", "HEAD", "--markdown");
      expect(code).toBe(0);
      expect(output).toContain("#### Workflows whose result changed\n");
      expect(output).toMatch(/^- `training-job-runs` of data-scientists: holds, \d+ requests → fails, \d+ requests;/m);
    } finally {
      git("reset", "-q", "--hard", "HEAD~1");
    }
  });

  it.each([["no-such-ref"], ["--upload-pack=x"], ["HEAD~99"]])("refuses the ref %s with a UsageError", async (ref) => {
    const run = accessDiff(repo, `--base=${ref}`);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/unknown git ref|not a git ref/);
  });
});
