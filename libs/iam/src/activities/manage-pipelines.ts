import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";
import { passRole } from "./pass-role";

/** What {@link managePipelines} needs. */
export interface ManagePipelinesArgs {
  /** Roles the pipelines run as; leave out when the persona grants {@link passRole} once for all its activities. */
  executionRoles?: readonly Arn<"iam:role">[];
}

/**
 * Creates, updates and deletes the team's pipelines (named `${team}-*`, tagged `team`), and starts, stops,
 * retries and inspects their executions.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/pipelines.html
 */
export function managePipelines(context: ActivityContext, args: ManagePipelinesArgs = {}): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  const pipelines = [sagemaker.pipeline({ name })];
  return [
    allow({
      sid: "PipelinesCreate",
      actions: ["sagemaker:CreatePipeline"],
      resources: pipelines,
      conditions: { StringEquals: { "aws:RequestTag/team": context.team } },
    }),
    allow({
      // SageMaker authorizes a create request's tags as sagemaker:AddTags; TaggingAction keeps the grant
      // from retagging existing pipelines.
      sid: "PipelinesTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: pipelines,
      conditions: { StringEquals: { "aws:RequestTag/team": context.team, "sagemaker:TaggingAction": "CreatePipeline" } },
    }),
    allow({
      sid: "PipelinesManage",
      actions: [
        "sagemaker:DescribePipeline",
        "sagemaker:UpdatePipeline",
        "sagemaker:DeletePipeline",
        "sagemaker:StartPipelineExecution",
        "sagemaker:ListPipelineExecutions",
      ],
      resources: pipelines,
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // Executions are not tagged by their start request; their ARN names the team's pipeline.
      sid: "PipelinesManageExecutions",
      actions: [
        "sagemaker:DescribePipelineExecution",
        "sagemaker:DescribePipelineDefinitionForExecution",
        "sagemaker:ListPipelineExecutionSteps",
        "sagemaker:ListPipelineParametersForExecution",
        "sagemaker:StopPipelineExecution",
        "sagemaker:RetryPipelineExecution",
      ],
      resources: [sagemaker.pipelineExecution({ pipeline: name, id: "*" })],
    }),
    allow({
      sid: "PipelinesList",
      actions: ["sagemaker:ListPipelines"],
      resources: ["*"],
    }),
    ...(args.executionRoles ? passRole(context, { roles: args.executionRoles, sid: "PipelinesPassRole" }) : []),
  ];
}
