import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import type { KnownAction } from "../generated/actions";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";
import { passRole } from "./pass-role";

/** What {@link manageModels} needs. */
export interface ManageModelsArgs {
  /** Roles the models run as; leave out when the persona grants {@link passRole} once for all its activities. */
  executionRoles?: readonly Arn<"iam:role">[];
}

const createActions = ["sagemaker:CreateModel", "sagemaker:CreateModelPackageGroup"] as const satisfies readonly KnownAction[];

/**
 * Creates, describes and deletes the team's models, and registers versions in its model registry groups:
 * models and groups named `${team}-*` and tagged `team`.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html
 */
export function manageModels(context: ActivityContext, args: ManageModelsArgs = {}): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  const taggable = [sagemaker.model({ name }), sagemaker.modelPackageGroup({ name })];
  return [
    allow({
      sid: "ModelsCreate",
      actions: createActions,
      resources: taggable,
      conditions: { StringEquals: { "aws:RequestTag/team": context.team } },
    }),
    allow({
      // SageMaker authorizes a create request's tags as sagemaker:AddTags; TaggingAction keeps the grant
      // from retagging existing resources.
      sid: "ModelsTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: taggable,
      conditions: {
        StringEquals: {
          "aws:RequestTag/team": context.team,
          "sagemaker:TaggingAction": createActions.map((action) => action.replace("sagemaker:", "")),
        },
      },
    }),
    allow({
      sid: "ModelsDescribeAndDelete",
      actions: [
        "sagemaker:DescribeModel",
        "sagemaker:DeleteModel",
        "sagemaker:DescribeModelPackageGroup",
        "sagemaker:DeleteModelPackageGroup",
      ],
      resources: taggable,
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // A version of a group takes the group's tags and cannot be given its own, so the group's name,
      // `${team}-*/<version>`, is what ties it to the team.
      sid: "ModelsManageVersions",
      actions: [
        "sagemaker:CreateModelPackage",
        "sagemaker:DescribeModelPackage",
        "sagemaker:UpdateModelPackage",
        "sagemaker:DeleteModelPackage",
      ],
      resources: [sagemaker.modelPackage({ name })],
    }),
    allow({
      // No resource-level permissions (ListModelPackages lists across groups): names and statuses only.
      sid: "ModelsList",
      actions: ["sagemaker:ListModels", "sagemaker:ListModelPackageGroups", "sagemaker:ListModelPackages"],
      resources: ["*"],
    }),
    ...(args.executionRoles ? passRole(context, { roles: args.executionRoles, sid: "ModelsPassRole" }) : []),
  ];
}
