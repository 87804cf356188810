import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseCommandLine } from "../command-args";
import { planStacks, type PlanStacksOptions } from "../plan-stacks";
import { UsageError } from "../usage-error";

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
  if (statSync(resolve(workspaceRoot, outDir), { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new UsageError(`--out ${outDir} is a file: give the directory to write the plans into`);
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
