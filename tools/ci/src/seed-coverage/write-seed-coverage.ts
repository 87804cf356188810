import { planPrincipals } from "@ml-iam/analysis";
import { planWorkspace } from "@ml-iam/plan/src/testing";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSeedCoverage } from "./seed-coverage-table";
import { seedGrants } from "./seed-grants";

// Run from the workspace root by `npx nx run ci:seed-coverage`.
async function main(): Promise<void> {
  const principals = planPrincipals(await planWorkspace("dev"));
  const file = join(process.cwd(), "docs/seed-coverage.md");
  writeFileSync(file, renderSeedCoverage(seedGrants, new Map(principals.map((p) => [`${p.stack}/${p.name}`, p.arn]))));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
