import { readTeamsRegistry } from "@ml-iam/team-stack";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeownersPath, renderCodeowners } from "./codeowners";

// Usage: write-codeowners.ts [--check]
// Writes .github/CODEOWNERS from the teams registry; --check only says whether the committed file is stale.
const file = join(__dirname, "../../..", codeownersPath);
const expected = renderCodeowners(readTeamsRegistry());
const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
if (process.argv.includes("--check")) {
  if (current !== expected) {
    console.error(`${codeownersPath} is stale: run \`npx nx run ci:codeowners\` and commit the result`);
    process.exitCode = 1;
  }
} else if (current === expected) {
  console.log(`${codeownersPath} is up to date`);
} else {
  writeFileSync(file, expected);
  console.log(`wrote ${codeownersPath}`);
}
