import { accountQuotaUsage } from "@ml-iam/analysis";
import type { PlanFile } from "@ml-iam/plan";
import { join } from "node:path";
import { parseCommandArgs } from "../command-args";
import { plannedEnvs, readPlanSet } from "../plan-set";
import { UsageError } from "../usage-error";
import { findWorkspaceRoot } from "../workspace-root";

/** The command's line in `ml-iam help`. */
export const quotasUsage = "quotas [--warn-at <0-1>]   per account, the IAM quotas every env's plans use; exit 1 past one";

/**
 * `ml-iam quotas`: how many users, groups, roles, customer managed policies, instance profiles and attachments
 * per role the plans of all envs use in each account against AWS's default quotas, warning from 80 % (envs
 * sharing an account add up). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export async function runQuotas(args: string[], print: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const values = parseCommandArgs(args, { "warn-at": { type: "string", default: "0.8" } });
  const warnAt = Number(values["warn-at"]);
  if (!(warnAt > 0 && warnAt <= 1)) throw new UsageError(`--warn-at must be a share between 0 and 1, got ${values["warn-at"]}`);
  const directory = join(findWorkspaceRoot(cwd), "dist/plan");
  const plans: PlanFile[] = plannedEnvs(directory).flatMap((env) => readPlanSet(directory, env));
  if (plans.length === 0) throw new UsageError("no plans in dist/plan: run `npm run plan` first");
  const report = accountQuotaUsage(plans, { warnAt });
  for (const use of report.uses.filter((u) => u.role === undefined)) {
    print(`account ${use.account}: ${use.used} of ${use.limit} ${use.quota.replace(/-/g, " ")}`);
  }
  const busiestRole = report.uses.filter((u) => u.role).sort((a, b) => b.used - a.used)[0];
  if (busiestRole?.role) {
    print(`most managed policies on one role: ${busiestRole.used} of ${busiestRole.limit} (${busiestRole.role.name}, ${busiestRole.role.stack})`);
  }
  for (const finding of report.findings) print(`${finding.severity}: ${finding.message}`);
  return report.findings.some((finding) => finding.severity === "error") ? 1 : 0;
}
