import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { teamTagKey } from "../team-conventions";
import type { ActivityContext } from "./activity-context";
import { passRole } from "./pass-role";

/** What {@link runPipelineSteps} needs. */
export interface RunPipelineStepsArgs {
  /** The roles the steps' jobs run as. */
  jobRoles: readonly Arn<"iam:role">[];
}

/**
 * What SageMaker does as a pipeline's role: its training steps create jobs (Pipelines names them
 * `pipelines-<execution>-<step>-…`, not after the team, so the team's tag decides), tag them, pass the job
 * role and wait for them.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-access.html
 */
export function runPipelineSteps(context: ActivityContext, args: RunPipelineStepsArgs): Statement[] {
  const { sagemaker } = arnBuilders(context.scope);
  const stepJobs = [sagemaker.trainingJob({ name: "pipelines-*" }), sagemaker.processingJob({ name: "pipelines-*" })];
  const requestTag = { [`aws:RequestTag/${teamTagKey}`]: context.team };
  return [
    allow({
      sid: "PipelineStepJobsCreate",
      actions: ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob"],
      resources: stepJobs,
      conditions: { StringEquals: requestTag },
    }),
    allow({
      sid: "PipelineStepJobsTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: stepJobs,
      conditions: { StringEquals: { ...requestTag, "sagemaker:TaggingAction": ["CreateTrainingJob", "CreateProcessingJob"] } },
    }),
    allow({
      sid: "PipelineStepJobsFollow",
      actions: ["sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob"],
      resources: stepJobs,
      conditions: { StringEquals: { [`aws:ResourceTag/${teamTagKey}`]: context.team } },
    }),
    ...passRole(context, { roles: args.jobRoles, sid: "PipelineStepsPassJobRole" }),
  ];
}
