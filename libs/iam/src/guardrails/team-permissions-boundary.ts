import * as pulumi from "@pulumi/pulumi";
import { ownCredentialArns } from "../activities/manage-own-credentials";
import type { AwsScope } from "../aws-scope";
import { policyVariable } from "../policy-variable";
import { allow, deny, type Statement } from "../statement";

/** Arguments of {@link teamPermissionsBoundary}. */
export interface TeamPermissionsBoundaryArgs {
  scope: AwsScope;
  /** The boundary's own ARN (known before deploy from its name), so it can protect itself. */
  boundaryArn: pulumi.Input<string>;
  /** Policies every team may attach besides its own (the central stack's shared ones). */
  sharedPolicyArns: readonly pulumi.Input<string>[];
  /** The tag on every team principal naming its team; path scoping reads it as a policy variable. */
  teamTagKey?: string;
}

/**
 * The permissions boundary every team principal carries: ML services are allowed, IAM only under the
 * principal's own team path, and nothing may remove, replace or edit the boundary. An IAM user may set its own
 * password and create, enable and resync its own virtual MFA device, and no other user's.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
 */
export function teamPermissionsBoundary(args: TeamPermissionsBoundaryArgs): Statement[] {
  const { partition, account } = args.scope;
  const team = policyVariable(`aws:PrincipalTag/${args.teamTagKey ?? "team"}`);
  const iam = (kind: string) => pulumi.interpolate`arn:${partition}:iam::${account}:${kind}/ml/${team}/*`;
  const ownPaths = ["role", "policy", "group", "user", "instance-profile"].map(iam);
  // ${aws:username} resolves for IAM users only: for a role session these ARNs match nothing.
  const ownCredentials = ownCredentialArns(args.scope);
  return [
    allow({
      sid: "MlServices",
      actions: [
        "sagemaker:*",
        "s3:*",
        "ecr:*",
        "logs:*",
        "cloudwatch:*",
        "ec2:*",
        "kms:*",
        // Session Manager: people start sessions, training nodes register and open the session channels.
        "ssm:StartSession",
        "ssm:ResumeSession",
        "ssm:TerminateSession",
        "ssm:DescribeSessions",
        "ssm:DescribeInstanceInformation",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:*",
        "sts:AssumeRole",
        "sts:GetCallerIdentity",
        "sts:TagSession",
      ],
      resources: ["*"],
    }),
    allow({ sid: "IamReadAndTeamPath", actions: ["iam:*"], resources: ["*"] }),
    deny({
      sid: "NoBoundaryRemoval",
      actions: [
        "iam:DeleteRolePermissionsBoundary",
        "iam:DeleteUserPermissionsBoundary",
        "iam:PutRolePermissionsBoundary",
        "iam:PutUserPermissionsBoundary",
      ],
      resources: ["*"],
    }),
    deny({
      sid: "NoBoundaryEdits",
      actions: ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"],
      resources: [args.boundaryArn],
    }),
    deny({
      sid: "NewPrincipalsCarryTheBoundary",
      actions: ["iam:CreateRole", "iam:CreateUser"],
      resources: ["*"],
      conditions: { StringNotEquals: { "iam:PermissionsBoundary": args.boundaryArn } },
    }),
    deny({
      sid: "IamWritesOnlyUnderTheTeamPath",
      actions: [
        "iam:Add*",
        "iam:Attach*",
        "iam:Create*",
        "iam:Delete*",
        "iam:Detach*",
        "iam:Put*",
        "iam:Remove*",
        "iam:Tag*",
        "iam:Untag*",
        "iam:Update*",
        "iam:PassRole",
      ],
      // The caller's own virtual MFA device lies outside the team path (mfa/<user name>); the next two
      // statements leave only its creation.
      notResources: [...ownPaths, ownCredentials.mfaDevice],
    }),
    deny({
      sid: "CredentialSelfServiceOnlyOnOwnUser",
      actions: ["iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice"],
      notResources: [...ownCredentials.users, ownCredentials.mfaDevice],
    }),
    // Removing or retagging an MFA device is an administrator's, outside the boundary, for every user.
    deny({
      sid: "NoMfaDeviceRemoval",
      actions: ["iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice", "iam:TagMFADevice", "iam:UntagMFADevice"],
      resources: ["*"],
    }),
    deny({
      sid: "AttachOnlyTeamAndSharedPolicies",
      actions: ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy"],
      resources: ["*"],
      conditions: { ArnNotLike: { "iam:PolicyARN": [iam("policy"), ...args.sharedPolicyArns] } },
    }),
  ];
}
