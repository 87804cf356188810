import { describeFileError } from "@ml-iam/plan";
import { statSync, type Stats } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { parseCommandLine } from "../command-args";
import { planStacks, type PlanStacksOptions } from "../plan-stacks";
import { UsageError } from "../usage-error";

/** The nearest of `path` and its parents that exists, and what it is; a path that cannot be looked at is a UsageError. */
function nearestExisting(path: string, shown: string): { path: string; stats: Stats } | undefined {
  for (let candidate = path; ; candidate = dirname(candidate)) {
    let stats: Stats | undefined;
    try {
      stats = statSync(candidate, { throwIfNoEntry: false });
    } catch (error) {
      // Below a file: some Node versions say ENOTDIR, others nothing; the file itself is found further up.
      if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw new UsageError(`cannot use --out ${shown}: ${describeFileError(error)}`);
    }
    if (stats) return { path: candidate, stats };
    if (dirname(candidate) === candidate) return undefined;
  }
}

/** Options of the plan command after parsing. */
export interface PlanCommandOptions extends PlanStacksOptions {
  stacks: string[];
  print: (line: string) => void;
}

/** Parses `ml-iam plan [stack...] [--env <env>] [--out <dir>] [--report-only]`. */
export function parsePlanArgs(args: string[], workspaceRoot: string, print: (line: string) => void): PlanCommandOptions {
  const { values, positionals } = parseCommandLine(args, {
    env: { type: "string" },
    out: { type: "string", default: "dist/plan" },
    "report-only": { type: "boolean", default: false },
  });
  const outDir = values.out ?? "dist/plan";
  // Checked before planning: otherwise every stack would plan, then fail to write into a file.
  const out = resolve(workspaceRoot, outDir);
  const existing = nearestExisting(out, outDir);
  if (existing && !existing.stats.isDirectory()) {
    if (existing.path === out) throw new UsageError(`--out ${outDir} is a file: give the directory to write the plans into`);
    const file = existing.path.startsWith(workspaceRoot + sep) ? relative(workspaceRoot, existing.path) : existing.path;
    throw new UsageError(`--out ${outDir} is below the file ${file}: give a directory to write the plans into`);
  }
  return { workspaceRoot, stacks: positionals, env: values.env, outDir, reportOnly: values["report-only"], print };
}

/**
 * Plans the named stacks (all when none are named) for every env they have, upstream first, printing a line
 * per stack and env. Returns the number of failed stack/env plans; a failed plan leaves no file behind. With
 * `reportOnly`, failing workflows fail no plan: they are written into it and printed, and count for nothing here.
 */
export async function runPlan(options: PlanCommandOptions): Promise<number> {
  let failures = 0;
  let stacks = 0;
  for await (const outcome of planStacks(options)) {
    stacks += 1;
    outcome.lines.forEach((line) => options.print(line));
    failures += outcome.failures;
  }
  if (stacks === 0) options.print("no stack to plan yet: stacks/ has no Pulumi project");
  return failures;
}
