import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../usage-error";
import { parsePlanArgs } from "./plan";

const bin = join(__dirname, "../../bin/ml-iam.js");
const fixtures = join(__dirname, "../../../../libs/plan/src/fixtures");

interface FixtureStack {
  name: string;
  program: string;
  config?: string;
  upstream?: string[];
  /** The body of `teamWorkflows(contract, …)` for the stack's `src/workflows.ts`, which makes the program live in src/ too. */
  workflows?: string;
}

/** A throwaway workspace whose stacks run the plan engine's fixture programs. */
function workspace(stacks: FixtureStack[]): string {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-cli-"));
  writeFileSync(join(root, "nx.json"), "{}\n");
  // A declaration imports @ml-iam/workflows like a stack's does: from the workspace's modules.
  symlinkSync(join(__dirname, "../../../../node_modules"), join(root, "node_modules"), "dir");
  for (const stack of stacks) {
    const dir = join(root, "stacks", stack.name);
    mkdirSync(join(dir, "src"), { recursive: true });
    let main = join(fixtures, stack.program);
    if (stack.workflows !== undefined) {
      main = join(dir, "src/index.ts");
      writeFileSync(main, `export * from ${JSON.stringify(join(fixtures, stack.program).replace(/\.ts$/, ""))};\n`);
      writeFileSync(
        join(dir, "src/workflows.ts"),
        `import { teamWorkflows } from "@ml-iam/workflows";\nexport default teamWorkflows({ project: ${JSON.stringify(stack.name)} } as never, ${stack.workflows});\n`,
      );
    }
    writeFileSync(join(dir, "Pulumi.yaml"), `name: ${stack.name}\nruntime: nodejs\nmain: ${main}\n`);
    writeFileSync(join(dir, "project.json"), JSON.stringify({ name: stack.name, implicitDependencies: stack.upstream ?? [] }));
    writeFileSync(
      join(dir, "Pulumi.dev.yaml"),
      `config:\n  aws:region: us-east-1\n  aws:allowedAccountIds: ["111111111111"]\n  ${stack.name}:token:\n    secure: v1:xyz\n${stack.config ?? ""}`,
    );
  }
  return root;
}

function mlIam(root: string, ...args: string[]) {
  return mlIamOn(root, [], ...args);
}

/** Runs ml-iam with `preload` (node -r) scripts first: they break the file system where a test needs it broken. */
function mlIamOn(root: string, preload: string[], ...args: string[]) {
  const result = spawnSync(process.execPath, [...preload.flatMap((script) => ["-r", script]), bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A preload script under `root` that makes node:fs's `name` throw as Node does with `code` for the paths under
 * dist/plan that match `pattern`: a full disk, a read-only directory, without one.
 */
function brokenFs(root: string, name: "writeFileSync" | "mkdirSync" | "rmSync", pattern: RegExp, code: string, words: string): string {
  const script = join(root, `broken-${name}.cjs`);
  writeFileSync(
    script,
    `const fs = require("node:fs");
const real = fs.${name};
fs.${name} = function (path, ...rest) {
  if (String(path).includes("/dist/plan/") && ${pattern.toString()}.test(String(path))) {
    throw Object.assign(new Error(${JSON.stringify(`${code}: ${words}, `)} + "${name.replace(/Sync$/, "")} '" + path + "'"), { code: ${JSON.stringify(code)}, path: String(path) });
  }
  return real.call(this, path, ...rest);
};
`,
  );
  return script;
}

describe("ml-iam plan", () => {
  it("plans upstream stacks first and prints one line per stack and env", () => {
    const root = workspace([
      { name: "consumer", program: "consumer-program.ts", upstream: ["producer"] },
      { name: "producer", program: "producer-program.ts" },
    ]);
    const { code, stdout } = mlIam(root, "plan");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^producer \(dev, account 111111111111\): 3 resources, .* → dist\/plan\/producer\/dev.json$/);
    expect(lines[1]).toMatch(/^consumer \(dev, account 111111111111\): 0 resources, .* → dist\/plan\/consumer\/dev.json$/);
    const consumer = JSON.parse(readFileSync(join(root, "dist/plan/consumer/dev.json"), "utf8"));
    expect(consumer.outputs.producerRoleArn).toBe("arn:aws:iam::111111111111:role/ml/fixture/fixture-role");
  });

  it("appends the stack's findings and its principals' access to the plan's Markdown", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    expect(mlIam(root, "plan").code).toBe(0);
    const markdown = readFileSync(join(root, "dist/plan/producer/dev.md"), "utf8");
    expect(markdown).toMatch(/\n## Findings\n\n- \*\*error\*\* `INVALID_DOCUMENT` in `fixture-policy` \(producer, identity\)/);
    expect(markdown).toContain("\n## Access\n");
    expect(markdown).toContain("### role fixture-role\n\n`arn:aws:iam::111111111111:role/ml/fixture/fixture-role`\n\nNo access.");
  });

  it("writes to an absolute --out directory", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    const out = mkdtempSync(join(tmpdir(), "ml-iam-cli-out-"));
    expect(mlIam(root, "plan", "--out", out).code).toBe(0);
    expect(existsSync(join(out, "producer/dev.json"))).toBe(true);
    expect(existsSync(join(root, "dist"))).toBe(false);
  });

  it.each<[string, FixtureStack[], RegExp]>([
    [
      "a policy that fails validation",
      [{ name: "producer", program: "producer-program.ts", config: "  producer:mode: bad-policy\n" }],
      /plan of producer \(dev\) failed: .*policy fixture\/policy is invalid/,
    ],
    [
      "a reference to an undeclared stack",
      [
        { name: "consumer", program: "consumer-program.ts" },
        { name: "producer", program: "producer-program.ts" },
      ],
      /plan of consumer \(dev\) failed: .*StackReference organization\/producer\/dev is not an upstream stack of consumer for dev: declare it in stacks\/consumer\/project.json implicitDependencies/,
    ],
  ])("fails on %s, naming the stack, and writes nothing for it", (_case, stacks, message) => {
    const root = workspace(stacks);
    const { code, stdout } = mlIam(root, "plan");
    expect(code).toBe(1);
    expect(stdout).toMatch(message);
    const failed = stacks[0]!.name;
    expect(existsSync(join(root, `dist/plan/${failed}/dev.json`))).toBe(false);
    expect(existsSync(join(root, `dist/plan/${failed}/dev.md`))).toBe(false);
  });

  it("proves the workflows a stack declares and writes them into the plan and its Markdown", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts", workflows: `{ actors: { person: "roleArn" }, must: [], never: ["never-change-ml-resources"] }` }]);
    const { code, stdout } = mlIam(root, "plan");
    expect([code, stdout]).toEqual([0, expect.stringMatching(/^producer \(dev/)]);
    const plan = JSON.parse(readFileSync(join(root, "dist/plan/producer/dev.json"), "utf8"));
    expect(plan.workflows.map((workflow: { name: string; passed: boolean }) => [workflow.name, workflow.passed])).toEqual([["never-change-ml-resources", true]]);
    expect(readFileSync(join(root, "dist/plan/producer/dev.md"), "utf8")).toContain("\n## Workflows\n");
  });

  it.each<[string, string, RegExp]>([
    [
      "a workflow its principals cannot run",
      `{ actors: { person: "roleArn" }, must: ["view-ml-resources"], never: [] }`,
      /plan of producer \(dev\) failed: workflow view-ml-resources, step 1 \(list the training jobs\): sagemaker:ListTrainingJobs on \* as person \(fixture-role\) must be allowed, but no statement grants it/,
    ],
    ["an unknown workflow", `{ actors: {}, must: ["train-on-a-laptop"], never: [] }`, /plan of producer \(dev\) failed: producer: workflows.ts: unknown workflow "train-on-a-laptop"/],
  ])("fails the stack's plan on %s, naming the workflow, and writes nothing for it", (_case, workflows, message) => {
    const root = workspace([{ name: "producer", program: "producer-program.ts", workflows }]);
    const { code, stdout } = mlIam(root, "plan");
    expect(code).toBe(1);
    expect(stdout).toMatch(message);
    expect(existsSync(join(root, "dist/plan/producer/dev.json"))).toBe(false);
    expect(existsSync(join(root, "dist/plan/producer/dev.md"))).toBe(false);
  });

  it("with --report-only, plans a stack whose workflow fails, recording and printing the failure, and exits 0", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts", workflows: `{ actors: { person: "roleArn" }, must: ["view-ml-resources"], never: [] }` }]);
    const { code, stdout } = mlIam(root, "plan", "--report-only");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^producer \(dev, .*0 of 1 workflows hold → dist\/plan\/producer\/dev.json\n/);
    expect(stdout).toMatch(/\nproducer \(dev\), reported only: workflow view-ml-resources, step 1 \(list the training jobs\): .* but no statement grants it\n/);
    const plan = JSON.parse(readFileSync(join(root, "dist/plan/producer/dev.json"), "utf8"));
    expect(plan.workflows.map((workflow: { name: string; passed: boolean }) => [workflow.name, workflow.passed])).toEqual([["view-ml-resources", false]]);
  });

  it("fails an unknown workflow's stack even with --report-only: the declaration is wrong, not the access", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts", workflows: `{ actors: {}, must: ["train-on-a-laptop"], never: [] }` }]);
    const { code, stdout } = mlIam(root, "plan", "--report-only");
    expect([code, stdout]).toEqual([1, expect.stringMatching(/unknown workflow "train-on-a-laptop"/)]);
    expect(existsSync(join(root, "dist/plan/producer/dev.json"))).toBe(false);
  });

  it("skips the consumers of a stack that failed to plan, and writes nothing for them", () => {
    const root = workspace([
      { name: "consumer", program: "consumer-program.ts", upstream: ["producer"] },
      { name: "producer", program: "producer-program.ts", config: "  producer:mode: bad-policy\n" },
    ]);
    const { code, stdout } = mlIam(root, "plan");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^plan of producer \(dev\) failed: /);
    expect(stdout).toContain("\nplan of consumer skipped: its upstream stack producer failed to plan\n");
    expect(existsSync(join(root, "dist/plan/consumer"))).toBe(false);
  });

  it("refuses an --out that names a file, with one line, before planning anything", () => {
    const root = mkdtempSync(join(tmpdir(), "ml-iam-cli-out-"));
    writeFileSync(join(root, "plans"), "not a directory\n");
    expect(() => parsePlanArgs(["--out", "plans"], root, () => undefined)).toThrow(new UsageError("--out plans is a file: give the directory to write the plans into"));
    expect(parsePlanArgs(["--out", "new-plans"], root, () => undefined).outDir).toBe("new-plans");
  });

  it("checks every stack has the env asked for before planning any", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    const { code, stderr } = mlIam(root, "plan", "--env", "prod");
    expect(code).toBe(2);
    expect(stderr).toBe("ml-iam: stack producer has no Pulumi.prod.yaml\n");
    expect(existsSync(join(root, "dist"))).toBe(false);
  });

  it.each([
    [["plan", "nope"], /^ml-iam: unknown stack nope: the stacks are producer\n$/],
    [["plan", "--frobnicate"], /^ml-iam: Unknown option '--frobnicate'/],
    [["frobnicate"], /^ml-iam: unknown command frobnicate/],
  ])("rejects bad input %j with one line and exit code 2", (args, message) => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    const { code, stderr } = mlIam(root, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("on a full disk at the plan's second file, prints one line naming it and the cause, exits 2, and leaves nothing", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    const { code, stderr } = mlIamOn(root, [brokenFs(root, "writeFileSync", /dev\.json\..*\.tmp$/, "ENOSPC", "no space left on device")], "plan");
    expect([code, stderr]).toEqual([2, "ml-iam: cannot write dist/plan/producer/dev.json: no space left on device (ENOSPC)\n"]);
    expect(readdirSync(join(root, "dist/plan/producer"))).toEqual([]);
  });

  it("on a full disk whose cleanup fails too, keeps the full disk the cause, the cleanup added on the same line", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    const preload = [
      brokenFs(root, "writeFileSync", /dev\.json\..*\.tmp$/, "ENOSPC", "no space left on device"),
      brokenFs(root, "rmSync", /./, "EIO", "i/o error"),
    ];
    const { code, stderr } = mlIamOn(root, preload, "plan");
    expect(code).toBe(2);
    expect(stderr.split("\n")).toEqual([expect.stringMatching(/^ml-iam: cannot write dist\/plan\/producer\/dev\.json: no space left on device \(ENOSPC\) \(and the cleanup failed: cannot remove dist\/plan\/producer\/dev\.md\..*\.tmp: i\/o error \(EIO\); /), ""]);
  });

  it("in a read-only dist/, prints one line naming the directory it cannot create, exits 2, and writes nothing", () => {
    const root = workspace([{ name: "producer", program: "producer-program.ts" }]);
    const { code, stderr } = mlIamOn(root, [brokenFs(root, "mkdirSync", /./, "EROFS", "read-only file system")], "plan");
    expect([code, stderr]).toEqual([2, "ml-iam: cannot create directory dist/plan/producer: read-only file system (EROFS)\n"]);
    expect(existsSync(join(root, "dist"))).toBe(false);
  });

  it("refuses an --out below a file with one line, before planning anything", () => {
    const root = mkdtempSync(join(tmpdir(), "ml-iam-cli-out-"));
    writeFileSync(join(root, "plans"), "not a directory\n");
    expect(() => parsePlanArgs(["--out", "plans/dev"], root, () => undefined)).toThrow(new UsageError("--out plans/dev is below the file plans: give a directory to write the plans into"));
  });

  it("says so when there is no stack yet", () => {
    const { code, stdout } = mlIam(workspace([]), "plan");
    expect(code).toBe(0);
    expect(stdout).toContain("no stack to plan yet");
  });
});
