import {
  AdoptionInputError,
  adoptionAliases,
  parseAdoptionMapping,
  parseExistingResources,
  planAdoption,
  pulumiImportFile,
  renderAdoptionMarkdown,
  renderAdoptionText,
  type AdoptionMapping,
} from "@ml-iam/adoption";
import { listWorkspaceStacks, PlanStore, writeFilesWhole, type PlanFile } from "@ml-iam/plan";
import { readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseCommandArgs } from "../command-args";
import { UsageError } from "../usage-error";
import { findWorkspaceRoot } from "../workspace-root";

/** The command's line in `ml-iam help`. */
export const adoptUsage =
  "adopt --from <stack-export.json|resource-list.json> --stack <team> [--env <env>] [--mapping <mapping.json>] [--out <dir>] [--plans <dir>]   " +
  "match existing IAM resources to a team stack's plan: pulumi import file, aliases and report (exit 1 when adopting replaces some)";

function readInput(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Library errors about the input become one-line usage errors; anything else is a bug and stays one. */
function asUsageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AdoptionInputError) throw new UsageError(error.message);
    throw error;
  }
}

function readPlan(plansDirectory: string, stack: string, env: string): PlanFile {
  const store = new PlanStore(plansDirectory);
  let plan: PlanFile | undefined;
  try {
    plan = store.read(stack, env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!plan) throw new UsageError(`no plan of ${stack} (${env}) at ${store.jsonPath(stack, env)}: run npm run plan first`);
  return plan;
}

/**
 * Writes every file whole, or none (temporary files, then renames: the plan store's writeFilesWhole) only once all
 * are rendered; removes the files this run does not produce (content undefined).
 */
function writeAll(directory: string, files: [string, string | undefined][]): void {
  writeFilesWhole(
    files.flatMap(([name, content]) => (content === undefined ? [] : [{ file: join(directory, name), content }])),
    { remove: files.flatMap(([name, content]) => (content === undefined ? [join(directory, name)] : [])) },
  );
}

/**
 * `ml-iam adopt`: reads what exists (a `pulumi stack export` of an old program, or a list of IAM
 * resources), matches it to the team stack's plan by type and IAM name or ARN, or by a mapping file, and
 * writes `import.json` (for `pulumi import --file`), `aliases.json` (stack exports: to move the state
 * instead), `report.json` and `report.md` to `dist/adopt/<stack>/<env>/`. Nothing is written unless every
 * input is valid. Exit code 0; 1 when adopting replaces a resource (IAM cannot rename roles and policies);
 * bad input is a UsageError, and an output directory that cannot be written a FileWriteError (exit 2).
 */
export async function runAdopt(args: string[], print: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const values = parseCommandArgs(args, {
    from: { type: "string" },
    stack: { type: "string" },
    env: { type: "string", default: "dev" },
    mapping: { type: "string" },
    out: { type: "string" },
    plans: { type: "string", default: "dist/plan" },
  });
  if (values.from === undefined) throw new UsageError("missing --from <stack-export.json|resource-list.json>");
  if (values.stack === undefined) throw new UsageError("missing --stack <team>");
  const env = String(values.env);
  if (!/^[A-Za-z0-9_-]+$/.test(env)) throw new UsageError(`not an env name: ${env}`);
  const root = findWorkspaceRoot(cwd);
  const stacks = listWorkspaceStacks(root);
  const stack = stacks.find((candidate) => candidate.name === values.stack);
  if (!stack) throw new UsageError(`unknown stack ${values.stack}: the stacks are ${stacks.map((s) => s.name).join(", ") || "(none)"}`);
  if (!stack.envs.includes(env)) throw new UsageError(`stack ${stack.name} has no Pulumi.${env}.yaml`);

  // Every check before any write: the plan, the existing resources, the mapping, and the matching.
  const plan = readPlan(resolve(root, String(values.plans)), stack.name, env);
  const fromFile = resolve(cwd, values.from);
  // Paths as the user would type them: relative when under the directory they are read from, else absolute.
  const from = (base: string, path: string) => (path.startsWith(base + sep) ? relative(base, path) : path);
  const shown = (path: string) => from(cwd, path);
  const existing = asUsageError(() => parseExistingResources(readInput(fromFile, "--from"), shown(fromFile)));
  let mapping: AdoptionMapping | undefined;
  if (values.mapping !== undefined) {
    const mappingFile = resolve(cwd, values.mapping);
    mapping = asUsageError(() => parseAdoptionMapping(readInput(mappingFile, "--mapping"), shown(mappingFile)));
  }
  const report = asUsageError(() => planAdoption({ existing, plan, mapping }));

  const outDirectory = resolve(cwd, values.out ?? join(root, "dist/adopt", stack.name, env));
  const importFile = join(outDirectory, "import.json");
  const aliases = adoptionAliases(report);
  const files = { importFile: importFile.startsWith(root + sep) ? relative(stack.directory, importFile) : importFile, ...(aliases ? { aliasesFile: shown(join(outDirectory, "aliases.json")) } : {}) };
  writeAll(outDirectory, [
    ["import.json", JSON.stringify(pulumiImportFile(report, plan), null, 2) + "\n"],
    ["aliases.json", aliases && JSON.stringify(aliases, null, 2) + "\n"],
    ["report.json", JSON.stringify(report, null, 2) + "\n"],
    ["report.md", renderAdoptionMarkdown(report, files, aliases)],
  ]);

  print(renderAdoptionText(report).trimEnd());
  print(`wrote ${["import.json", ...(aliases ? ["aliases.json"] : []), "report.json", "report.md"].map((name) => shown(join(outDirectory, name))).join(", ")}`);
  const replaced = report.resources.filter((resource) => resource.status === "adopted-with-changes" && resource.replacedBy.length > 0);
  return replaced.length > 0 ? 1 : 0;
}
