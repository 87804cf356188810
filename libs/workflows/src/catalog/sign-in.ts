import { personTagKey } from "@ml-iam/iam";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowContext, WorkflowStep } from "../workflow";
import type { TeamResources } from "../team-resources";

/** The keys of a console or CLI session begun with an MFA code a moment ago. */
const withMfa: WorkflowContext = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "30" };

/** The IAM user a team's sign-in is proven for, and the user name AWS puts in `aws:username`. */
function signingInUser(team: TeamResources): { arn: string; name: string } {
  const arn = team.role("user");
  return { arn, name: arn.slice(arn.lastIndexOf("/") + 1) };
}

/**
 * An IAM user of the team reaches the team's access: with MFA, assumes the team's access role and tags the
 * session with who they are (`person`, their own user name, which Studio and the team's policies read).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 */
export const signIn = defineWorkflow({
  name: "sign-in",
  title: "An IAM user of the team signs in with MFA and reaches the team's access role, tagged as themself",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
  ],
  steps: (team): WorkflowStep[] => {
    const user = signingInUser(team);
    const accessRole = team.role("person");
    return [
      { actor: "user", action: "sts:AssumeRole", resource: accessRole, context: withMfa, purpose: "assume the team's access role with MFA" },
      {
        actor: "user",
        action: "sts:TagSession",
        resource: accessRole,
        context: { ...withMfa, [`aws:RequestTag/${personTagKey}`]: user.name, "aws:TagKeys": [personTagKey] },
        purpose: `tag the session as ${user.name}`,
      },
    ];
  },
});

/**
 * Without MFA an IAM user of the team reaches nothing of it: the access role's trust requires MFA, whether the
 * session has the key false (console sign-in without MFA) or none at all (long-term access keys); and no user
 * may tag a session as someone else.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
export const neverSignInWithoutMfa = defineWorkflow({
  name: "never-sign-in-without-mfa",
  title: "Never reach the team's access without MFA, nor as someone else",
  expect: "denied",
  sources: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent"],
  steps: (team): WorkflowStep[] => {
    const accessRole = team.role("person");
    const impostor = `${signingInUser(team).name}-impostor`;
    return [
      { actor: "user", action: "sts:AssumeRole", resource: accessRole, context: { "aws:MultiFactorAuthPresent": "false" }, purpose: "assume the access role after signing in without MFA" },
      { actor: "user", action: "sts:AssumeRole", resource: accessRole, context: {}, purpose: "assume the access role with access keys alone" },
      {
        actor: "user",
        action: "sts:TagSession",
        resource: accessRole,
        context: { ...withMfa, [`aws:RequestTag/${personTagKey}`]: impostor, "aws:TagKeys": [personTagKey] },
        purpose: `tag the session as ${impostor}`,
      },
    ];
  },
});
