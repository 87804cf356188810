import { personTagKey } from "@ml-iam/iam";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowContext, WorkflowStep } from "../workflow";
import type { TeamResources } from "../team-resources";

/** The keys of a console or CLI session begun with an MFA code a moment ago. */
const withMfa: WorkflowContext = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "30" };
/** The keys of a console session begun with a password alone: the first sign-in, before an MFA device exists. */
const withoutMfa: WorkflowContext = { "aws:MultiFactorAuthPresent": "false" };

/** The IAM user a team's sign-in is proven for, and the user name AWS puts in `aws:username`. */
function signingInUser(team: TeamResources): { arn: string; name: string } {
  const arn = team.role("user");
  return { arn, name: arn.slice(arn.lastIndexOf("/") + 1) };
}

/** A colleague of the signing-in user: another member of the team, at the same path. */
function colleagueOf(team: TeamResources): { arn: string; name: string } {
  const user = signingInUser(team);
  const name = team.people().find((person) => person !== user.name) ?? `${user.name}-colleague`;
  return { arn: `${user.arn.slice(0, user.arn.lastIndexOf("/") + 1)}${name}`, name };
}

/** A virtual MFA device named for its user, as the console names it by default. */
const mfaDevice = (team: TeamResources, userName: string) => `arn:${team.scope.partition}:iam::${team.scope.account}:mfa/${userName}`;

/**
 * An IAM user of the team signs in for the first time and reaches the team's access: with the initial password
 * alone, resets it and enrols a virtual MFA device for themself; then, with MFA, assumes the team's access role
 * and tags the session with who they are (`person`, their own user name, which Studio and the team's policies read).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 */
export const signIn = defineWorkflow({
  name: "sign-in",
  title: "An IAM user of the team signs in with MFA and reaches the team's access role, tagged as themself",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
  ],
  steps: (team): WorkflowStep[] => {
    const user = signingInUser(team);
    const accessRole = team.role("person");
    return [
      { actor: "user", action: "iam:GetAccountPasswordPolicy", resource: "*", context: withoutMfa, purpose: "read the password rules" },
      { actor: "user", action: "iam:ChangePassword", resource: user.arn, context: withoutMfa, purpose: "reset the initial password" },
      { actor: "user", action: "iam:CreateVirtualMFADevice", resource: mfaDevice(team, user.name), context: withoutMfa, purpose: "create their virtual MFA device" },
      { actor: "user", action: "iam:EnableMFADevice", resource: user.arn, context: withoutMfa, purpose: "enable it on themself" },
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

/**
 * No IAM user of the team manages a colleague's credentials, with MFA or without: no password, no MFA device.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
 */
export const neverManageOthersCredentials = defineWorkflow({
  name: "never-manage-others-credentials",
  title: "Never manage a colleague's password or MFA device",
  expect: "denied",
  sources: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html"],
  steps: (team): WorkflowStep[] => {
    const colleague = colleagueOf(team);
    return [withoutMfa, withMfa].flatMap((context): WorkflowStep[] => [
      { actor: "user", action: "iam:CreateVirtualMFADevice", resource: mfaDevice(team, colleague.name), context, purpose: `create ${colleague.name}'s MFA device` },
      { actor: "user", action: "iam:EnableMFADevice", resource: colleague.arn, context, purpose: `enable an MFA device on ${colleague.name}` },
      { actor: "user", action: "iam:DeactivateMFADevice", resource: colleague.arn, context, purpose: `deactivate ${colleague.name}'s MFA device` },
      { actor: "user", action: "iam:UpdateLoginProfile", resource: colleague.arn, context, purpose: `set ${colleague.name}'s password` },
    ]);
  },
});
