import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import type { KnownAction } from "../generated/actions";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";
import { passRole } from "./pass-role";

/** What {@link manageMlJobs} needs. */
export interface ManageMlJobsArgs {
  /** Roles the jobs run as; leave out when the persona grants {@link passRole} once for all its activities. */
  executionRoles?: readonly Arn<"iam:role">[];
}

const createActions = [
  "sagemaker:CreateTrainingJob",
  "sagemaker:CreateProcessingJob",
  "sagemaker:CreateTransformJob",
  "sagemaker:CreateHyperParameterTuningJob",
  "sagemaker:CreateAutoMLJob",
  "sagemaker:CreateAutoMLJobV2",
] as const satisfies readonly KnownAction[];

/**
 * Runs the team's training, processing, batch transform, hyperparameter tuning and AutoML jobs: creates
 * them only named `${team}-*` and tagged `team`, and describes and stops only those tagged `team`.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-ml-activities.html
 */
export function manageMlJobs(context: ActivityContext, args: ManageMlJobsArgs = {}): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  const jobs = [
    sagemaker.trainingJob({ name }),
    sagemaker.processingJob({ name }),
    sagemaker.transformJob({ name }),
    sagemaker.hyperParameterTuningJob({ name }),
    sagemaker.automlJob({ name }),
  ];
  return [
    allow({
      sid: "MlJobsCreate",
      actions: createActions,
      resources: jobs,
      conditions: { StringEquals: { "aws:RequestTag/team": context.team } },
    }),
    allow({
      // SageMaker authorizes the tags of a create request as sagemaker:AddTags; TaggingAction keeps the
      // grant from retagging existing jobs, e.g. those of a team whose name starts with this one's.
      sid: "MlJobsTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: jobs,
      conditions: {
        StringEquals: {
          "aws:RequestTag/team": context.team,
          "sagemaker:TaggingAction": createActions.map((action) => action.replace("sagemaker:", "")),
        },
      },
    }),
    allow({
      sid: "MlJobsDescribeAndStop",
      actions: [
        "sagemaker:DescribeTrainingJob",
        "sagemaker:StopTrainingJob",
        "sagemaker:DescribeProcessingJob",
        "sagemaker:StopProcessingJob",
        "sagemaker:DescribeTransformJob",
        "sagemaker:StopTransformJob",
        "sagemaker:DescribeHyperParameterTuningJob",
        "sagemaker:StopHyperParameterTuningJob",
        "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
        "sagemaker:DescribeAutoMLJob",
        "sagemaker:DescribeAutoMLJobV2",
        "sagemaker:StopAutoMLJob",
      ],
      resources: jobs,
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // No resource-level permissions: these list every job of the account, names and statuses only.
      sid: "MlJobsList",
      actions: [
        "sagemaker:ListTrainingJobs",
        "sagemaker:ListProcessingJobs",
        "sagemaker:ListTransformJobs",
        "sagemaker:ListHyperParameterTuningJobs",
        "sagemaker:ListAutoMLJobs",
        "sagemaker:ListCandidatesForAutoMLJob",
      ],
      resources: ["*"],
    }),
    ...(args.executionRoles ? passRole(context, { roles: args.executionRoles, sid: "MlJobsPassRole" }) : []),
  ];
}
