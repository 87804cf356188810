import type { Arn } from "../arn";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** What {@link passRole} needs. */
export interface PassRoleArgs {
  /** The roles that may be passed, each by its exact ARN: a wildcard fails when the ARN resolves. */
  roles: readonly Arn<"iam:role">[];
  /** The service principal the roles may be passed to; `sagemaker.amazonaws.com` by default. */
  service?: string;
  /** The statement's Sid, `PassExecutionRoles` by default; activities that pass roles name theirs, keeping Sids unique. */
  sid?: string;
}

/** Returns a role ARN that names one role; throws on a pattern, which could match any role, admin roles included. */
export function checkExactRoleArn(arn: string): string {
  if (/[*?]/.test(arn)) throw new Error(`passRole needs exact role ARNs, got the pattern ${arn}`);
  return arn;
}

/**
 * Lets the team hand its execution roles to SageMaker (jobs, models, pipelines, monitoring), and to no
 * other role or service: `iam:PassRole` on the named roles with `iam:PassedToService`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export function passRole(_context: ActivityContext, args: PassRoleArgs): Statement[] {
  if (args.roles.length === 0) throw new Error("passRole needs at least one role: leave the activity out instead");
  const service = args.service ?? "sagemaker.amazonaws.com";
  return [
    allow({
      sid: args.sid ?? "PassExecutionRoles",
      actions: ["iam:PassRole"],
      resources: args.roles.map((role) => ({ resourceType: role.resourceType, value: role.value.apply(checkExactRoleArn) })),
      conditions: { StringEquals: { "iam:PassedToService": service } },
    }),
  ];
}
