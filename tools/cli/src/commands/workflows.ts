import { renderWorkflowsText } from "@ml-iam/analysis";
import { join } from "node:path";
import { parseCommandLine } from "../command-args";
import { readPlanSet } from "../plan-set";
import { UsageError } from "../usage-error";
import { findWorkspaceRoot } from "../workspace-root";

/** The command's line in `ml-iam help`. */
export const workflowsUsage = "workflows [stack...] [--env <env>] [--json]   the declared workflows of the current plans (dist/plan) and how each was proven";

/**
 * `ml-iam workflows`: each stack's declared workflows as the plan proved them, one line each, or the plans'
 * `workflows` arrays as JSON with `--json`. Reads `dist/plan/<stack>/<env>.json`; it does not plan. Exit 1
 * when a plan holds a workflow that failed (one written by hand or by another tool: `npm run plan` writes none).
 */
export async function runWorkflows(args: string[], print: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const { values, positionals: named } = parseCommandLine(args, { env: { type: "string", default: "dev" }, json: { type: "boolean", default: false } });
  const env = String(values.env);
  const all = readPlanSet(join(findWorkspaceRoot(cwd), "dist/plan"), env);
  if (all.length === 0) throw new UsageError(`no ${env} plans in dist/plan: run \`npm run plan\` first`);
  const unknown = named.filter((stack) => !all.some((plan) => plan.stack === stack));
  if (unknown.length > 0) throw new UsageError(`no ${env} plan of ${unknown.join(", ")} in dist/plan: the planned stacks are ${all.map((plan) => plan.stack).join(", ")}`);
  const plans = named.length === 0 ? all : all.filter((plan) => named.includes(plan.stack));
  if (values.json) print(JSON.stringify(Object.fromEntries(plans.map((plan) => [plan.stack, plan.workflows])), null, 2));
  else print(renderWorkflowsText(plans).trimEnd());
  return plans.some((plan) => plan.workflows.some((workflow) => !workflow.passed)) ? 1 : 0;
}
