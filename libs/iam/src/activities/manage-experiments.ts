import { arnBuilders } from "../arns";
import type { KnownAction } from "../generated/actions";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

const createActions = [
  "sagemaker:CreateExperiment",
  "sagemaker:CreateTrial",
  "sagemaker:CreateTrialComponent",
] as const satisfies readonly KnownAction[];

/**
 * Creates, updates and deletes the team's experiments, trials and trial components (named `${team}-*`,
 * tagged `team`) and logs metrics to them.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/experiments.html
 */
export function manageExperiments(context: ActivityContext): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  const experiments = sagemaker.experiment({ name });
  const trials = sagemaker.experimentTrial({ name });
  const components = sagemaker.experimentTrialComponent({ name });
  return [
    allow({
      sid: "ExperimentsCreate",
      actions: createActions,
      resources: [experiments, trials, components],
      conditions: { StringEquals: { "aws:RequestTag/team": context.team } },
    }),
    allow({
      // SageMaker authorizes a create request's tags as sagemaker:AddTags; TaggingAction keeps the grant
      // from retagging existing resources.
      sid: "ExperimentsTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: [experiments, trials, components],
      conditions: {
        StringEquals: {
          "aws:RequestTag/team": context.team,
          "sagemaker:TaggingAction": createActions.map((action) => action.replace("sagemaker:", "")),
        },
      },
    }),
    allow({
      sid: "ExperimentsManage",
      actions: [
        "sagemaker:DescribeExperiment",
        "sagemaker:UpdateExperiment",
        "sagemaker:DeleteExperiment",
        "sagemaker:DescribeTrial",
        "sagemaker:UpdateTrial",
        "sagemaker:DeleteTrial",
      ],
      resources: [experiments, trials],
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // Jobs create their own trial components (`${job}-aws-training-job`) without the team tag; the job's
      // name ties them to the team. Disassociating is also authorized on the processing job it names.
      sid: "ExperimentsManageTrialComponents",
      actions: [
        "sagemaker:DescribeTrialComponent",
        "sagemaker:UpdateTrialComponent",
        "sagemaker:DeleteTrialComponent",
        "sagemaker:AssociateTrialComponent",
        "sagemaker:DisassociateTrialComponent",
        "sagemaker:BatchPutMetrics",
        "sagemaker:BatchGetMetrics",
      ],
      resources: [components, trials, sagemaker.trainingJob({ name }), sagemaker.processingJob({ name })],
    }),
    allow({
      sid: "ExperimentsList",
      actions: ["sagemaker:ListExperiments", "sagemaker:ListTrials", "sagemaker:ListTrialComponents"],
      resources: ["*"],
    }),
  ];
}
