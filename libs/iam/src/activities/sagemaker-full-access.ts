import * as pulumi from "@pulumi/pulumi";
import { policyVariable } from "../policy-variable";
import { allow, type Statement } from "../statement";
import { teamTagKey } from "../team-conventions";
import type { ActivityContext } from "./activity-context";
import { denyOtherTeamsResources } from "./other-teams-resources";
import { actionsOnlyOnAnyResource } from "./sagemaker-read-only";

/** The resources a team creates in SageMaker, by family: jobs, models and packages, endpoints, pipelines, experiments and lineage. */
const createActions = [
  "sagemaker:AddTags",
  "sagemaker:Create*Job",
  "sagemaker:CreateModel*",
  "sagemaker:CreateEndpoint*",
  "sagemaker:CreatePipeline",
  "sagemaker:CreateExperiment",
  "sagemaker:CreateTrial*",
  "sagemaker:CreateAction",
  "sagemaker:CreateArtifact",
  "sagemaker:CreateContext",
  "sagemaker:CreateFeatureGroup",
] as const;

/**
 * Every SageMaker action of the caller's team in the account and region: on the resources tagged for the team,
 * creating resources only tagged for it, reading the rest of the account's but other teams' (the source
 * document's `sagemaker:*` on `*`, narrowed to the account, the region and the caller's team). So no notebook or
 * Studio URL, lifecycle script or deletion reaches another team's resources, or untagged ones. It grants no
 * `iam:PassRole`: jobs run with roles a team passes through its own policy, never with a role this policy could pick.
 */
export function sageMakerFullAccess(context: ActivityContext): Statement[] {
  const { partition, region, account } = context.scope;
  const inAccount = pulumi.interpolate`arn:${partition}:sagemaker:${region}:${account}:*`;
  const team = policyVariable(`aws:PrincipalTag/${teamTagKey}`);
  return [
    allow({
      sid: "SageMakerAllOnTheTeamsResources",
      actions: ["sagemaker:*"],
      resources: [inAccount],
      conditions: { StringEquals: { [`aws:ResourceTag/${teamTagKey}`]: team } },
    }),
    allow({
      sid: "SageMakerCreateForTheTeam",
      // What the team creates, tagged for it; not sagemaker:Create*, which holds the presigned notebook and Studio URLs.
      actions: createActions,
      resources: [inAccount],
      conditions: { StringEquals: { [`aws:RequestTag/${teamTagKey}`]: team } },
    }),
    allow({ sid: "SageMakerReadInAccountAndRegion", actions: ["sagemaker:Describe*", "sagemaker:List*"], resources: [inAccount] }),
    allow({
      sid: "SageMakerWithoutResourceLevelPermissions",
      actions: actionsOnlyOnAnyResource("sagemaker:*"),
      resources: ["*"],
      conditions: { StringEquals: { "aws:RequestedRegion": region } },
    }),
    denyOtherTeamsResources("SageMakerNotOtherTeamsResources", ["sagemaker:*"]),
  ];
}
