import { planDocuments } from "@ml-iam/analysis";
import { parsePlanFile, type PlanFile } from "@ml-iam/plan";
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { policyDocumentProblem } from "./policy-input-limits";
import { UsageError } from "./usage-error";

/**
 * Reads and checks one plan file; a missing or malformed file, or a policy document in it that no analysis can
 * read (nested too deep, a statement that is not an object), is a UsageError naming the file.
 */
export function readPlanFile(file: string): PlanFile {
  let json: string;
  try {
    json = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let plan: PlanFile;
  try {
    plan = parsePlanFile(json, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  for (const { owner, document } of planDocuments([plan])) {
    const problem = policyDocumentProblem(document);
    if (problem !== undefined) throw new UsageError(`${file}: the policy of ${owner} ${problem}`);
  }
  return plan;
}

/** The envs that have plans in a plan directory (`<dir>/<stack>/<env>.json`); stray files in it hold none. */
export function plannedEnvs(directory: string): string[] {
  if (!existsSync(directory)) return [];
  const envs = new Set<string>();
  for (const stack of readdirSync(directory)) {
    const stackDir = join(directory, stack);
    if (!statSync(stackDir, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const file of readdirSync(stackDir)) if (file.endsWith(".json")) envs.add(file.slice(0, -".json".length));
  }
  return [...envs].sort();
}

/**
 * Every plan of an env in a plan directory: `<dir>/<stack>/<env>.json` (the layout of dist/plan), or the
 * directory's own `<env>.json` when it is one stack's folder. Empty when there is none; a `<env>.json` that is
 * there but cannot be read (a directory, a dangling link, malformed) is a UsageError naming it, never left out.
 */
export function readPlanSet(directory: string, env: string): PlanFile[] {
  if (!existsSync(directory)) return [];
  const own = join(directory, `${env}.json`);
  if (isPresent(own)) return [readPlanFile(own)];
  return readdirSync(directory)
    .sort()
    .map((stack) => join(directory, stack, `${env}.json`))
    .filter(isPresent)
    .map(readPlanFile);
}

/** Whether anything is at `file`, a dangling link included; only "no such file" (or a file as parent) says no. */
function isPresent(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a stray file in the plan directory, which holds no plan rather than a broken one.
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw new UsageError(`cannot read ${file}: ${code ?? (error as Error).message}`);
  }
}
