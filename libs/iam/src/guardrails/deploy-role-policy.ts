import * as pulumi from "@pulumi/pulumi";
import type { KnownAction } from "../generated/actions";
import type { ActionPattern } from "../action-pattern";
import { allow, deny, type Statement } from "../statement";
import { teamTagKey } from "../team-conventions";
import {
  iamPathPattern,
  ownIamResources,
  platformPath,
  stateStatements,
  studioProfileStatements,
  teamIamPath,
  type DeliveryRoleScope,
} from "./delivery-role-scope";

/** One managed policy of a delivery role: `name` tells its part (`iam`, `services`), unique per role. */
export interface DeliveryRolePolicy {
  name: string;
  statements: Statement[];
}

/** Arguments of {@link teamDeployRolePolicy}. */
export interface TeamDeployRolePolicyArgs extends DeliveryRoleScope {
  /** The central permissions boundary: the only one the role may put on the principals it creates. */
  boundaryArn: pulumi.Input<string>;
  /** The central stack's shared policies, which the team may attach besides its own. */
  sharedPolicyArns: readonly pulumi.Input<string>[];
  /** Where the roles the team hands to services live, `/ml/<team>/` (the default) or a path under it. */
  executionRolePath?: string;
  /**
   * Services the team's roles may be passed to: SageMaker (jobs, models) and EC2, as adding a role to an
   * instance profile is a PassRole to `ec2.amazonaws.com`.
   */
  passRoleServices?: readonly string[];
}


/** Writes on a team's roles, policies, groups and instance profiles that need no condition of their own. */
const unconditionalWrites: readonly KnownAction[] = [
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
  "iam:CreateGroup",
  "iam:DeleteGroup",
  "iam:UpdateGroup",
  "iam:PutGroupPolicy",
  "iam:DeleteGroupPolicy",
  "iam:DetachGroupPolicy",
  "iam:AddUserToGroup",
  "iam:RemoveUserFromGroup",
  "iam:CreateInstanceProfile",
  "iam:DeleteInstanceProfile",
  "iam:AddRoleToInstanceProfile",
  "iam:RemoveRoleFromInstanceProfile",
  "iam:TagInstanceProfile",
  "iam:UntagInstanceProfile",
];

/** Every IAM action that changes something, for the deny that keeps writes under the role's own paths. */
const iamWrites: readonly ActionPattern[] = [
  "iam:Add*",
  "iam:Attach*",
  "iam:Change*",
  "iam:Create*",
  "iam:Deactivate*",
  "iam:Delete*",
  "iam:Detach*",
  "iam:Enable*",
  "iam:PassRole",
  "iam:Put*",
  "iam:Remove*",
  "iam:Reset*",
  "iam:Resync*",
  "iam:Set*",
  "iam:Tag*",
  "iam:Untag*",
  "iam:Update*",
  "iam:Upload*",
];

function checkExecutionRolePath(team: string, path: string | undefined): string {
  const teamPath = teamIamPath(team);
  if (path === undefined) return teamPath;
  if (!path.startsWith(teamPath) || !path.endsWith("/")) {
    throw new Error(`executionRolePath must be the team's path ${teamPath} or a path under it ending in "/", got ${JSON.stringify(path)}`);
  }
  return path;
}

/**
 * The IAM statements: read and write the team's own IAM resources under `/ml/<team>/`, create and tag
 * roles only with the central boundary and the team's tag, attach only the team's and the shared
 * policies, pass only the team's roles to its services; and deny, whatever else allows it, writes
 * outside the team's paths, removing a boundary, and putting any boundary but the central one.
 */
function iamStatements(args: TeamDeployRolePolicyArgs): Statement[] {
  const { scope, team, boundaryArn } = args;
  const path = teamIamPath(team);
  const on = (kind: string) => iamPathPattern(scope, kind, path);
  // Every team stack creates the IAM users it names and their login profiles (never access keys), under its path,
  // each with the central boundary and the team tag; the central one also creates the delivery roles.
  const principals = [on("role"), on("user")];
  const platform = args.platform ? platformPath(args.platform) : undefined;
  const platformRoles = platform === undefined ? [] : [iamPathPattern(scope, "role", platform)];
  const own = ownIamResources(args);
  const boundaryExempt = platformRoles.length > 0 ? { notResources: platformRoles } : { resources: ["*"] };
  return [
    allow({ sid: "ReadOwnIam", actions: ["iam:Get*", "iam:List*"], resources: own }),
    allow({
      sid: "ManageOwnIam",
      // Login profiles are created encrypted to each user's PGP key: the role never sees a password.
      actions: [...unconditionalWrites, "iam:DeleteUser", "iam:CreateLoginProfile", "iam:DeleteLoginProfile"],
      resources: [
        on("role"),
        on("policy"),
        on("group"),
        on("instance-profile"),
        on("user"),
        ...(platform === undefined ? [] : [iamPathPattern(scope, "role", platform), iamPathPattern(scope, "policy", platform)]),
      ],
    }),
    // The boundary reads the principal's team tag to scope IAM writes to /ml/${aws:PrincipalTag/team}/:
    // a principal tagged for another team would write there, so the tag is set on creation and kept.
    allow({
      sid: "CreatePrincipalsWithTheBoundaryAndTeamTag",
      actions: ["iam:CreateRole", "iam:CreateUser"],
      resources: principals,
      conditions: { StringEquals: { "iam:PermissionsBoundary": boundaryArn, [`aws:RequestTag/${teamTagKey}`]: team } },
    }),
    allow({
      sid: "TagPrincipalsOnlyForTheTeam",
      actions: ["iam:TagRole", "iam:TagUser"],
      resources: principals,
      conditions: { StringEqualsIfExists: { [`aws:RequestTag/${teamTagKey}`]: team } },
    }),
    allow({
      sid: "UntagPrincipalsButNotTheTeamTag",
      actions: ["iam:UntagRole", "iam:UntagUser"],
      resources: principals,
      conditions: { "ForAllValues:StringNotEqualsIgnoreCase": { "aws:TagKeys": [teamTagKey] } },
    }),
    allow({
      sid: "PutOnlyTheCentralBoundary",
      actions: ["iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary"],
      resources: principals,
      conditions: { StringEquals: { "iam:PermissionsBoundary": boundaryArn } },
    }),
    allow({
      sid: "AttachOwnAndSharedPolicies",
      actions: ["iam:AttachRolePolicy", "iam:AttachGroupPolicy"],
      resources: [on("role"), on("group")],
      conditions: { ArnLike: { "iam:PolicyARN": [on("policy"), ...args.sharedPolicyArns] } },
    }),
    allow({
      sid: "PassOwnRolesToTeamServices",
      actions: ["iam:PassRole"],
      resources: [iamPathPattern(scope, "role", checkExecutionRolePath(team, args.executionRolePath))],
      conditions: { StringEquals: { "iam:PassedToService": [...(args.passRoleServices ?? ["sagemaker.amazonaws.com", "ec2.amazonaws.com"])] } },
    }),
    deny({ sid: "NoBoundaryRemoval", actions: ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"], ...boundaryExempt }),
    deny({
      sid: "NoOtherBoundary",
      actions: ["iam:CreateRole", "iam:CreateUser", "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary"],
      ...boundaryExempt,
      conditions: { StringNotEquals: { "iam:PermissionsBoundary": boundaryArn } },
    }),
    // The delivery roles (under the platform path), other teams' resources and the boundary all lie outside.
    deny({ sid: "IamWritesOnlyUnderOwnPaths", actions: iamWrites, notResources: own }),
  ];
}

/**
 * What only the central stack's deploy role does: create the delivery roles (each carrying the boundary
 * where it fits, tagged for the team it delivers), attach their policies, and manage the GitHub OIDC
 * provider unless it is adopted.
 */
function platformStatements(args: TeamDeployRolePolicyArgs): Statement[] {
  if (!args.platform) return [];
  const path = platformPath(args.platform);
  const roles = iamPathPattern(args.scope, "role", path);
  return [
    allow({
      sid: "ManageDeliveryRoles",
      actions: ["iam:CreateRole", "iam:TagRole", "iam:UntagRole", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary"],
      resources: [roles],
    }),
    allow({
      sid: "AttachDeliveryPolicies",
      actions: ["iam:AttachRolePolicy"],
      resources: [roles],
      conditions: { ArnLike: { "iam:PolicyARN": iamPathPattern(args.scope, "policy", path) } },
    }),
    ...(args.platform.managesOidcProvider
      ? [allow({ sid: "ManageGithubOidcProvider", actions: ["iam:*OpenIDConnectProvider*"], resources: [args.platform.oidcProviderArn] })]
      : []),
  ];
}

/**
 * The deploy role of a team stack (`pulumi up` in CI): everything its stack manages and nothing more.
 * Its IAM reach is the team's path `/ml/<team>/`; every role it creates carries the central boundary and
 * the team's tag; it attaches only the team's own and the shared policies, passes only the team's roles,
 * and never removes or swaps a boundary; it reads and writes its own state and reads its upstream stacks'.
 * The central team's deploy role (with `platform`) also manages the delivery roles and the OIDC provider,
 * and may edit the boundary, which lives under its path: it is the root of the guardrails.
 * Returns its managed policies (`iam`, and `platform` and `services` where they apply), each under the
 * 6,144-character quota.
 */
export function teamDeployRolePolicy(args: TeamDeployRolePolicyArgs): DeliveryRolePolicy[] {
  const parts: DeliveryRolePolicy[] = [
    { name: "iam", statements: iamStatements(args) },
    { name: "platform", statements: platformStatements(args) },
    { name: "services", statements: [...stateStatements(args, "read-write"), ...studioProfileStatements(args, "read-write")] },
  ];
  return parts.filter((part) => part.statements.length > 0);
}
