import { accountTrust, personSessionTrust } from "@ml-iam/iam";
import { TeamRole, type TeamRoleArgs } from "./team-role";

/** Arguments of {@link teamAccessRole}: a {@link TeamRole}'s, but its purpose and trust, which are the team's people's. */
export type TeamAccessRoleArgs = Omit<TeamRoleArgs, "purpose" | "trust">;

/**
 * The role the team's people assume (`<team>-access`): from the team's account only, with MFA, tagging the session
 * with who they are (`person`, their own user name), which Studio and the team's policies key on. Its policies are
 * what a person may do, and what the identity stack's permission sets attach.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
export function teamAccessRole(args: TeamAccessRoleArgs): TeamRole {
  const { scope } = args.stack;
  return new TeamRole({ ...args, purpose: "access", trust: [accountTrust({ ...scope, requireMfa: true }), personSessionTrust(scope)] });
}
