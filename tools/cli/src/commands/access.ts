import { accessMatrix, renderAccessMatrixText } from "@ml-iam/analysis";
import { join } from "node:path";
import { parseCommandArgs } from "../command-args";
import { readPlanSet } from "../plan-set";
import { UsageError } from "../usage-error";
import { findWorkspaceRoot } from "../workspace-root";

/** The command's line in `ml-iam help`. */
export const accessUsage =
  "access [--env <env>] [--json]   what each principal of the current plans (dist/plan) may do, per service and resource";

/**
 * `ml-iam access`: the access matrix of the env's current plans, as text grouped by principal and service,
 * or as JSON with `--json`. Reads `dist/plan/<stack>/<env>.json`; it does not plan.
 */
export async function runAccess(args: string[], print: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const values = parseCommandArgs(args, { env: { type: "string", default: "dev" }, json: { type: "boolean", default: false } });
  const env = String(values.env);
  const plans = readPlanSet(join(findWorkspaceRoot(cwd), "dist/plan"), env);
  if (plans.length === 0) throw new UsageError(`no ${env} plans in dist/plan: run \`npm run plan\` first`);
  const matrix = accessMatrix(plans);
  print(values.json ? JSON.stringify(matrix, null, 2) : renderAccessMatrixText(matrix).trimEnd());
  return 0;
}
