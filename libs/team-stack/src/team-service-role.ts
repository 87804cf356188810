import { serviceTrust } from "@ml-iam/iam";
import { TeamRole, type TeamRoleArgs } from "./team-role";

/** Arguments of {@link teamServiceRole}: a {@link TeamRole}'s, with the service that assumes it instead of a trust policy. */
export type TeamServiceRoleArgs = Omit<TeamRoleArgs, "trust"> & {
  /** The service principal that runs the team's work as the role: `sagemaker.amazonaws.com`, `ec2.amazonaws.com`. */
  service: string;
};

/**
 * A role an AWS service assumes to do one job of the team (`<team>-<purpose>`: Studio, jobs, pipelines, nodes),
 * for the team's account only: the service's requests on behalf of another account cannot assume it
 * (`aws:SourceAccount`, the confused deputy). Who may hand it to the service is the team's `iam:PassRole`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
export function teamServiceRole({ service, ...args }: TeamServiceRoleArgs): TeamRole {
  return new TeamRole({ ...args, trust: [serviceTrust({ service, account: args.stack.scope.account })] });
}
