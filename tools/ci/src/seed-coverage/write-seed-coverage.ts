import { planAndProveWorkspaceStacks } from "@ml-iam/analysis/src/testing";
import { listWorkspaceStacks } from "@ml-iam/plan";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSeedCoverage } from "./seed-coverage-table";
import { seedGrants } from "./seed-grants";

// Run from the workspace root by `npx nx run ci:seed-coverage`.
async function main(): Promise<void> {
  const stacks = [...new Set(seedGrants.flatMap((grant) => (grant.coverage.outcome === "dropped" ? [] : [grant.coverage.stack])))];
  const known = new Set(listWorkspaceStacks(process.cwd()).map((stack) => stack.name));
  const plans = await planAndProveWorkspaceStacks(stacks.filter((stack) => known.has(stack)), "dev");
  const file = join(process.cwd(), "docs/seed-coverage.md");
  writeFileSync(file, renderSeedCoverage(seedGrants, plans));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
