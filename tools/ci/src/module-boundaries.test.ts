import { spawnSync } from "node:child_process";
import { join } from "node:path";

const workspaceRoot = join(__dirname, "../../..");

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lints source as if it were the file, with the workspace's own ESLint config (a real ESLint process). */
async function lintAs(file: string, source: string): Promise<string[]> {
  const eslint = join(workspaceRoot, "node_modules/.bin/eslint");
  const result = spawnSync(eslint, ["--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: workspaceRoot,
    input: source,
    encoding: "utf8",
    env: { ...process.env, NX_DAEMON: "false" },
  });
  const [report] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
  return (report?.messages ?? []).filter((m) => m.ruleId === "@nx/enforce-module-boundaries").map((m) => m.message);
}

describe("module boundaries", () => {
  it("let a stack import libs", async () => {
    expect(await lintAs("stacks/central-ai/src/probe.ts", 'import { allow } from "@ml-iam/iam";\nexport const a = allow;\n')).toEqual([]);
  });

  it("forbid a stack to import a tool", async () => {
    const messages = await lintAs("stacks/central-ai/src/probe.ts", 'import { sumTestResults } from "@ml-iam/ci";\nexport const a = sumTestResults;\n');
    expect(messages.join("\n")).toMatch(/type:stack.*type:lib|tagged with "type:lib"/);
  });

  it("forbid a lib to import a tool", async () => {
    const messages = await lintAs("libs/iam/src/probe.ts", 'import { sumTestResults } from "@ml-iam/ci";\nexport const a = sumTestResults;\n');
    expect(messages.length).toBeGreaterThan(0);
  });
});
