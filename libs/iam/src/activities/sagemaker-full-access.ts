import * as pulumi from "@pulumi/pulumi";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";
import { denyOtherTeamsResources } from "./other-teams-resources";
import { actionsOnlyOnAnyResource } from "./sagemaker-read-only";

/**
 * Every SageMaker action on the account's resources in its region, except on resources tagged for another
 * team: the source document's `sagemaker:*` on `*`, narrowed to the account, the region and the caller's team.
 * It grants no `iam:PassRole`: jobs run with roles a team passes through its own policy, never with a role
 * this policy could pick.
 */
export function sageMakerFullAccess(context: ActivityContext): Statement[] {
  const { partition, region, account } = context.scope;
  return [
    allow({
      sid: "SageMakerAllInAccountAndRegion",
      actions: ["sagemaker:*"],
      resources: [pulumi.interpolate`arn:${partition}:sagemaker:${region}:${account}:*`],
    }),
    allow({
      sid: "SageMakerWithoutResourceLevelPermissions",
      actions: actionsOnlyOnAnyResource("sagemaker:*"),
      resources: ["*"],
      conditions: { StringEquals: { "aws:RequestedRegion": region } },
    }),
    denyOtherTeamsResources("SageMakerNotOtherTeamsResources", ["sagemaker:*"]),
  ];
}
