import * as pulumi from "@pulumi/pulumi";
import type { AwsScope } from "../aws-scope";
import type { Statement } from "../statement";
import { allow } from "../statement";
import { teamIamPath, teamNamePattern, teamsIamPath } from "../team-conventions";

export { teamIamPath };

/**
 * What only the central stack's delivery roles reach: the roles and policies of every team's delivery
 * (deploy and preview roles) under their own path, and the account's GitHub OIDC provider.
 */
export interface DeliveryPlatformScope {
  /** The IAM path of the delivery roles and their policies, e.g. `/ml-platform/`; never under `/ml/`. */
  path: string;
  /** The account's OIDC provider for `token.actions.githubusercontent.com`. */
  oidcProviderArn: pulumi.Input<string>;
  /** False when the provider was made elsewhere and is only adopted by ARN: then it is only read. */
  managesOidcProvider: boolean;
}

/** Whose stack a delivery role deploys or previews, and where that stack keeps its state. */
export interface DeliveryRoleScope {
  scope: AwsScope;
  /** The team, which is also its stack's Pulumi project: its IAM resources live under `/ml/<team>/`. */
  team: string;
  /** The env (Pulumi stack name) the role works in; state keys are per env. */
  env: string;
  /**
   * The S3 bucket of a self-managed backend (`pulumi login s3://<bucket>`); leave it out with Pulumi Cloud,
   * which authorizes with its own token, so the role then gets no S3 access at all.
   */
  stateBucket?: string;
  /** Projects whose outputs the stack reads through StackReferences (`central-ai`): their state is read. */
  readsStateOf?: readonly string[];
  /** Only for the central stack's own delivery roles: the delivery platform it manages. */
  platform?: DeliveryPlatformScope;
}

function checkPlatformPath(path: string): string {
  if (!/^\/[\w+=,.@-]+(\/[\w+=,.@-]+)*\/$/.test(path) || path.startsWith(teamsIamPath)) {
    throw new Error(`platform.path must be an IAM path such as /ml-platform/, outside /ml/ where team deploy roles write, got ${JSON.stringify(path)}`);
  }
  return path;
}

/** `arn:<partition>:iam::<account>:<kind><path>*`: every IAM resource of a kind under a path. */
export function iamPathPattern(scope: AwsScope, kind: string, path: string): pulumi.Output<string> {
  return pulumi.interpolate`arn:${scope.partition}:iam::${scope.account}:${kind}${path}*`;
}

/**
 * Every IAM resource a delivery role of the team reaches: the team's roles, policies, groups, users and
 * instance profiles under `/ml/<team>/`; for the central team also the delivery roles and policies and
 * the GitHub OIDC provider.
 */
export function ownIamResources(args: DeliveryRoleScope): pulumi.Output<string>[] {
  const path = teamIamPath(args.team);
  const own = ["role", "policy", "group", "user", "instance-profile"].map((kind) => iamPathPattern(args.scope, kind, path));
  if (!args.platform) return own;
  const platformPath = checkPlatformPath(args.platform.path);
  return [
    ...own,
    iamPathPattern(args.scope, "role", platformPath),
    iamPathPattern(args.scope, "policy", platformPath),
    pulumi.output(args.platform.oidcProviderArn),
  ];
}

/** The checked platform path, for statements on the delivery roles. */
export function platformPath(platform: DeliveryPlatformScope): string {
  return checkPlatformPath(platform.path);
}

/** Keys of one stack in a self-managed backend: its checkpoint and its history, backups, journal and locks. */
function stackStateKeys(project: string, stack: string): string[] {
  return [`.pulumi/stacks/${project}/${stack}.json*`, ...["history", "backups", "journal", "locks"].map((dir) => `.pulumi/${dir}/${project}/${stack}/*`)];
}

/**
 * State access in a self-managed S3 backend, or nothing with Pulumi Cloud: list the bucket (Pulumi lists
 * locks and stacks, and S3 answers a missing key with 403 instead of 404 without it), read `meta.yaml`
 * and the checkpoints of the upstream stacks, and read (preview) or read and write (deploy) the stack's
 * own keys, only for its env.
 * https://www.pulumi.com/docs/iac/concepts/state-and-backends/#aws-s3
 */
export function stateStatements(args: DeliveryRoleScope, access: "read-only" | "read-write"): Statement[] {
  if (args.stateBucket === undefined) return [];
  const { partition } = args.scope;
  const object = (key: string) => pulumi.interpolate`arn:${partition}:s3:::${args.stateBucket}/${key}`;
  const own = access === "read-write" ? stackStateKeys(args.team, args.env) : [`.pulumi/stacks/${args.team}/${args.env}.json*`];
  const upstream = (args.readsStateOf ?? []).filter((project) => project !== args.team).map((project) => `.pulumi/stacks/${project}/${args.env}.json*`);
  const readOnly = [".pulumi/meta.yaml", ...upstream, ...(access === "read-only" ? own : [])];
  return [
    allow({ sid: "ListStateBucket", actions: ["s3:ListBucket"], resources: [pulumi.interpolate`arn:${partition}:s3:::${args.stateBucket}`] }),
    allow({ sid: "ReadState", actions: ["s3:GetObject"], resources: readOnly.map(object) }),
    ...(access === "read-write"
      ? [allow({ sid: "ReadAndWriteOwnState", actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: own.map(object) })]
      : []),
  ];
}

/**
 * The team's Studio user profiles, `<team>-*` in any domain of the account: what its stack creates for its
 * people. Profiles are created tagged for the team (`sagemaker:AddTags` authorizes the tags of the create
 * request) and changed or read only while they carry that tag.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html
 */
export function studioProfileStatements(args: DeliveryRoleScope, access: "read-only" | "read-write"): Statement[] {
  const { partition, region, account } = args.scope;
  const profiles = pulumi.interpolate`arn:${partition}:sagemaker:${region}:${account}:user-profile/*/${teamNamePattern(args.team)}`;
  const owned = { StringEquals: { "aws:ResourceTag/team": args.team } };
  const read = allow({ sid: "ReadTeamStudioProfiles", actions: ["sagemaker:DescribeUserProfile", "sagemaker:ListTags"], resources: [profiles], conditions: owned });
  if (access === "read-only") return [read];
  return [
    read,
    allow({ sid: "CreateTeamStudioProfiles", actions: ["sagemaker:CreateUserProfile"], resources: [profiles], conditions: { StringEquals: { "aws:RequestTag/team": args.team } } }),
    allow({
      sid: "TagTeamStudioProfilesOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: [profiles],
      conditions: { StringEquals: { "aws:RequestTag/team": args.team, "sagemaker:TaggingAction": "CreateUserProfile" } },
    }),
    allow({ sid: "ManageTeamStudioProfiles", actions: ["sagemaker:UpdateUserProfile", "sagemaker:DeleteUserProfile", "sagemaker:AddTags", "sagemaker:DeleteTags"], resources: [profiles], conditions: owned }),
  ];
}
