import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runNx, runNxOrFail, workspaceCopy } from "../../testing";

// Through the real `nx g` in a copy of the workspace, then the new stacks' own targets: the promise is that a
// generated stack passes lint, typecheck, test and plan with no edit. One team per access persona; ml-ops also
// consumes vision, so that removal has an order to respect. About a minute on a quiet machine.
const copy = workspaceCopy();
const teams = [
  { name: "vision", args: [] },
  { name: "ml-ops", args: ["--persona=model-builder", "--consumes=vision", "--owner=@example-org/ml-operations"] },
  { name: "reviewers", args: ["--persona=read-only-ml-user"] },
];
const git = (...args: string[]) => spawnSync("git", args, { cwd: copy.root, encoding: "utf8" }).stdout;

describe("team stacks generated into a copy of the workspace", () => {
  afterAll(() => copy.remove());

  it("pass lint, typecheck, test and plan with no edit, and so does the contracts lib listing them", () => {
    for (const team of teams) runNxOrFail(copy.root, ["g", "@ml-iam/tools:team-stack", `--name=${team.name}`, ...team.args, "--no-interactive"]);
    const projects = teams.map((team) => team.name).join(",");
    runNxOrFail(copy.root, ["run-many", "-t", "lint", "typecheck", "test", "plan", `--projects=${projects}`, "--output-style=static"]);
    // The stacks' typecheck compiled the contracts lib's edited index and registry and the new contracts; this lints them.
    runNxOrFail(copy.root, ["run", "contracts:lint", "--output-style=static"]);
    for (const team of teams) {
      const plan = JSON.parse(readFileSync(join(copy.root, "dist/plan", team.name, "prod.json"), "utf8")) as { account: string; outputs: Record<string, string> };
      expect([team.name, plan.account, plan.outputs.accessRoleArn]).toEqual([team.name, "222222222222", `arn:aws:iam::222222222222:role/ml/${team.name}/${team.name}-access`]);
    }
  }, 240_000);

  it("plan the default persona's stack with no policy warnings", () => {
    // Read from the plan file: in Jest, the stack test's plan does not see the warnings the program logs.
    const plan = JSON.parse(readFileSync(join(copy.root, "dist/plan/vision/dev.json"), "utf8")) as { diagnostics: unknown[] };
    expect(plan.diagnostics).toEqual([]);
  });

  it("leave CODEOWNERS as the CI check renders it from the registry", () => {
    const check = spawnSync(process.execPath, ["-r", "@swc-node/register", "tools/ci/src/write-codeowners.ts", "--check"], { cwd: copy.root, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(readFileSync(join(copy.root, ".github/CODEOWNERS"), "utf8")).toMatch(/^\/stacks\/ml-ops\/ +@example-org\/ml-operations$/m);
  });

  it("are removed consumers first, leaving the workspace exactly as it was", () => {
    const early = runNx(copy.root, ["g", "@ml-iam/tools:remove-team-stack", "--name=vision", "--destroyed", "--no-interactive"]);
    expect(early.status).not.toBe(0);
    expect(`${early.stdout}${early.stderr}`).toContain("--name vision: ml-ops lists vision in implicitDependencies");
    for (const name of ["ml-ops", "vision", "reviewers"]) {
      runNxOrFail(copy.root, ["g", "@ml-iam/tools:remove-team-stack", `--name=${name}`, "--destroyed", "--no-interactive"]);
    }
    expect(git("status", "--porcelain")).toBe("");
  }, 60_000);
});
