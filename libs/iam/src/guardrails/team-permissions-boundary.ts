import * as pulumi from "@pulumi/pulumi";
import { ownCredentialArns } from "../activities/manage-own-credentials";
import { denyOtherTeamsResources } from "../activities/other-teams-resources";
import type { AwsScope } from "../aws-scope";
import { policyVariable } from "../policy-variable";
import { allow, deny, type Statement } from "../statement";
import { teamTagKey } from "../team-conventions";

/** What every team may do on the shared datasets: read them. */
const sharedDatasetReads = ["s3:GetObject", "s3:GetBucketLocation", "s3:ListBucket"] as const;

/** Arguments of {@link teamPermissionsBoundary}. */
export interface TeamPermissionsBoundaryArgs {
  scope: AwsScope;
  /** The boundary's own ARN (known before deploy from its name), so it can protect itself. */
  boundaryArn: pulumi.Input<string>;
  /** Policies every team may attach besides its own (the central stack's shared ones). */
  sharedPolicyArns: readonly pulumi.Input<string>[];
  /** The shared datasets every team reads and none writes. */
  sharedDatasetBuckets?: readonly pulumi.Input<string>[];
  /** The bucket the stacks keep their state in, which only the delivery roles (under `deliveryPath`) reach. */
  stateBucket?: pulumi.Input<string>;
  /** The IAM path of the delivery roles, e.g. `/ml-platform/`. */
  deliveryPath?: string;
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
  const team = policyVariable(`aws:PrincipalTag/${teamTagKey}`);
  const iam = (kind: string) => pulumi.interpolate`arn:${partition}:iam::${account}:${kind}/ml/${team}/*`;
  const ownPaths = ["role", "policy", "group", "user", "instance-profile"].map(iam);
  // ${aws:username} resolves for IAM users only: for a role session these ARNs match nothing.
  const ownCredentials = ownCredentialArns(args.scope);
  const s3 = (bucket: pulumi.Input<string>) => [pulumi.interpolate`arn:${partition}:s3:::${bucket}`, pulumi.interpolate`arn:${partition}:s3:::${bucket}/*`];
  const shared = (args.sharedDatasetBuckets ?? []).flatMap(s3);
  const state = args.stateBucket === undefined ? [] : s3(args.stateBucket);
  const logs = (group: pulumi.Input<string>) => pulumi.interpolate`arn:${partition}:logs:${args.scope.region}:${account}:log-group:${group}`;
  const deliveryRoles = pulumi.interpolate`arn:${partition}:iam::${account}:role${args.deliveryPath ?? "/ml-platform/"}*`;
  return [
    // Data by team: its own buckets (named <team>-…, as the conventions require), its repositories (<team>/…).
    allow({ sid: "S3TeamBuckets", actions: ["s3:*"], resources: s3(pulumi.interpolate`${team}-*`) }),
    ...(shared.length > 0
      ? [
          // Read only: no shared bucket is named like a team's (the central stack's config refuses that).
          allow({ sid: "S3SharedDatasetsRead", actions: sharedDatasetReads, resources: shared }),
        ]
      : []),
    allow({ sid: "EcrTeamRepositories", actions: ["ecr:*"], resources: [pulumi.interpolate`arn:${partition}:ecr:${args.scope.region}:${account}:repository/${team}/*`] }),
    allow({ sid: "EcrLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] }),
    ...(state.length > 0
      ? [
          allow({ sid: "DeliveryRolesState", actions: ["s3:*"], resources: state, conditions: { ArnLike: { "aws:PrincipalArn": deliveryRoles } } }),
          deny({ sid: "NoDeployStateButDelivery", actions: ["s3:*"], resources: state, conditions: { ArnNotLike: { "aws:PrincipalArn": deliveryRoles } } }),
        ]
      : []),
    // SageMaker by name: the team's jobs, models, endpoints, pipelines, profiles, spaces and apps are <team>-….
    allow({ sid: "SageMakerTeamResources", actions: ["sagemaker:*"], resources: [pulumi.interpolate`arn:${partition}:sagemaker:${args.scope.region}:${account}:*/${team}-*`] }),
    // And by tag, for what SageMaker names itself (a pipeline step's job): tagged for the team, or created so; tags
    // are added only as part of a create (sagemaker:TaggingAction), so no other team's resource is retagged.
    allow({ sid: "SageMakerTaggedForTheTeam", actions: ["sagemaker:*"], resources: ["*"], conditions: { StringEquals: { [`aws:ResourceTag/${teamTagKey}`]: team } } }),
    allow({ sid: "SageMakerCreatedForTheTeam", actions: ["sagemaker:Create*"], resources: ["*"], conditions: { StringEquals: { [`aws:RequestTag/${teamTagKey}`]: team } } }),
    allow({ sid: "SageMakerTaggedOnCreate", actions: ["sagemaker:AddTags"], resources: ["*"], conditions: { StringEquals: { [`aws:RequestTag/${teamTagKey}`]: team }, Null: { "sagemaker:TaggingAction": "false" } } }),
    allow({ sid: "SageMakerListAndSearch", actions: ["sagemaker:List*", "sagemaker:Search", "sagemaker:GetSearchSuggestions", "sagemaker:DescribeDomain"], resources: ["*"] }),
    // EC2 instances by tag: none of another team's, whatever the action (stop, terminate, retag); a launch, whose
    // instance has no tag yet, is the team policy's to require tags for.
    denyOtherTeamsResources("NoOtherTeamsInstances", ["ec2:*"], [pulumi.interpolate`arn:${partition}:ec2:*:${account}:instance/*`]),
    allow({
      sid: "MlServices",
      // Session Manager: people start, resume, end and list sessions; training nodes register and open the session
      // channels. (sts:GetCallerIdentity needs no permission: AWS answers it even under an explicit deny.)
      actions: ["cloudwatch:*", "ec2:*", "kms:*", "ssm:*Session*", "ssm:*InstanceInformation", "ssmmessages:*", "sts:AssumeRole", "sts:TagSession"],
      resources: ["*"],
    }),
    // Logs by group: the team's own /ml/<team>/ groups, in SageMaker's /aws/sagemaker/ groups its jobs' streams
    // (<team>-…), which a job creates the group for and finds its stream in, and its endpoints' groups (…/<team>-…).
    allow({
      sid: "LogsOfTheTeam",
      actions: ["logs:*"],
      resources: [logs(pulumi.interpolate`/ml/${team}/*`), logs(pulumi.interpolate`/aws/sagemaker/*:log-stream:${team}-*`), logs(pulumi.interpolate`/aws/sagemaker/*/${team}-*`)],
    }),
    allow({ sid: "SageMakerLogGroups", actions: ["logs:CreateLogGroup", "logs:DescribeLogStreams"], resources: [logs("/aws/sagemaker/*")] }),
    allow({ sid: "IamReadAndTeamPath", actions: ["iam:*"], resources: ["*"] }),
    // A role's and a user's boundary: removed or replaced by none (the patterns match exactly those four actions).
    deny({ sid: "NoBoundaryRemoval", actions: ["iam:Delete*PermissionsBoundary", "iam:Put*PermissionsBoundary"], resources: ["*"] }),
    // The boundary and the shared policies are the platform's, even to the central team's own roles: no version
    // rolled back to a broader one, none added, none deleted.
    deny({
      sid: "NoBoundaryEdits",
      actions: ["iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"],
      resources: [args.boundaryArn, ...args.sharedPolicyArns],
    }),
    // The IAM fence and the policies key on the team tag; AWS may skip a statement whose variable does not resolve,
    // so a principal without the tag gets nothing at all.
    deny({ sid: "NothingWithoutTheTeamTag", actions: ["*"], resources: ["*"], conditions: { Null: { [`aws:PrincipalTag/${teamTagKey}`]: "true" } } }),
    deny({
      sid: "NewPrincipalsCarryTheBoundary",
      actions: ["iam:CreateRole", "iam:CreateUser"],
      resources: ["*"],
      conditions: { StringNotEquals: { "iam:PermissionsBoundary": args.boundaryArn } },
    }),
    deny({
      sid: "IamWritesOnlyUnderTheTeamPath",
      // Every verb that changes IAM: policy versions (Set*), passwords and keys (Change*, Reset*, Upload*), devices.
      actions: [
        "iam:Add*",
        "iam:Attach*",
        "iam:Change*",
        "iam:Create*",
        "iam:Deactivate*",
        "iam:Delete*",
        "iam:Detach*",
        "iam:Enable*",
        "iam:Put*",
        "iam:Remove*",
        "iam:Reset*",
        "iam:Resync*",
        "iam:Set*",
        "iam:Tag*",
        "iam:Untag*",
        "iam:Update*",
        "iam:Upload*",
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
