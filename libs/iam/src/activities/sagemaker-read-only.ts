import * as pulumi from "@pulumi/pulumi";
import type { KnownAction } from "../generated/actions";
import { expandActionPattern } from "../internal/service-catalog";
import { allow, type Statement } from "../statement";
import { denyOtherTeamsResources } from "./other-teams-resources";
import type { ActivityContext } from "./activity-context";

/** The actions a pattern expands to that have no resource-level permissions, so they need `"*"`. */
export function actionsOnlyOnAnyResource(pattern: string): KnownAction[] {
  return expandActionPattern(pattern)
    .filter((action) => action.resourceTypes.length === 0)
    .map((action) => action.key as KnownAction)
    .sort();
}

/**
 * Reads every SageMaker resource of the account and region (`Describe*`, `List*`) but those tagged for another
 * team (a description holds a job's environment and data paths), changes nothing. The fix of the source
 * document's suggestion: scoped to the account, the region and the caller's team, not `*`.
 */
export function sageMakerReadOnly(context: ActivityContext): Statement[] {
  const { partition, region, account } = context.scope;
  return [
    allow({
      sid: "SageMakerDescribeAndListInAccount",
      actions: ["sagemaker:Describe*", "sagemaker:List*"],
      resources: [pulumi.interpolate`arn:${partition}:sagemaker:${region}:${account}:*`],
    }),
    allow({
      sid: "SageMakerListWithoutResourceLevelPermissions",
      actions: [...actionsOnlyOnAnyResource("sagemaker:List*"), ...actionsOnlyOnAnyResource("sagemaker:Describe*")],
      resources: ["*"],
      conditions: { StringEquals: { "aws:RequestedRegion": region } },
    }),
    denyOtherTeamsResources("SageMakerNotOtherTeamsResources", ["sagemaker:Describe*", "sagemaker:List*"]),
  ];
}
