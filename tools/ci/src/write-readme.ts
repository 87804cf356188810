import { listWorkspaceStacks, readStackWorkflows } from "@ml-iam/plan";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderTeamCapabilities, replaceTeamCapabilities } from "./team-capabilities";

// Usage: write-readme.ts [--check]
// Writes the README's "what each team can do" section from the stacks' workflows.ts; --check only says whether it is stale.
const root = join(__dirname, "../../..");
const file = join(root, "README.md");
const stacks = listWorkspaceStacks(root).map((stack) => ({ stack: stack.name, workflows: readStackWorkflows(stack, root) }));
const current = readFileSync(file, "utf8");
const expected = replaceTeamCapabilities(current, renderTeamCapabilities(stacks));
if (process.argv.includes("--check")) {
  if (current !== expected) {
    console.error("README.md's team capabilities are stale: run `npx nx run ci:readme` and commit the result");
    process.exitCode = 1;
  }
} else if (current === expected) {
  console.log("README.md is up to date");
} else {
  writeFileSync(file, expected);
  console.log("wrote README.md");
}
