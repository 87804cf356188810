import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { generateIamTypes } from "./generate-iam-types";
import { iamDataPackageDir } from "./iam-data-package-dir";
import { staleGeneratedFiles } from "./stale-generated-files";

// Resolved from this file rather than the cwd so the CLI works from any directory, not just where Nx starts it.
const workspaceRoot = resolve(__dirname, "../../..");
const files = generateIamTypes(iamDataPackageDir());

if (process.argv.includes("--check")) {
  const stale = staleGeneratedFiles(files, workspaceRoot);
  if (stale.length > 0) {
    console.error(`Stale generated IAM files (run \`npx nx run iam:generate\`):\n${stale.map((path) => `  ${path}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`${files.size} generated IAM files are up to date.`);
} else {
  for (const [path, contents] of files) {
    const absolute = join(workspaceRoot, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, contents);
  }
  console.log(`Wrote ${[...files.keys()].join(", ")}.`);
}
