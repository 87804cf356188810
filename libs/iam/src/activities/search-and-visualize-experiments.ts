import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

/**
 * Reads the team's experiments, trials and trial components and their metrics, and searches SageMaker
 * for the team's resources; changes nothing.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-ml-activities.html
 */
export function searchAndVisualizeExperiments(context: ActivityContext): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  return [
    allow({
      sid: "ExperimentsDescribe",
      actions: ["sagemaker:DescribeExperiment", "sagemaker:DescribeTrial"],
      resources: [sagemaker.experiment({ name }), sagemaker.experimentTrial({ name })],
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // Jobs create their own trial components without the team tag; the job's name ties them to the team.
      sid: "ExperimentsReadTrialComponents",
      actions: ["sagemaker:DescribeTrialComponent", "sagemaker:BatchGetMetrics"],
      resources: [sagemaker.experimentTrialComponent({ name }), sagemaker.trainingJob({ name })],
    }),
    allow({
      sid: "ExperimentsListAndLineage",
      actions: [
        "sagemaker:ListExperiments",
        "sagemaker:ListTrials",
        "sagemaker:ListTrialComponents",
        "sagemaker:QueryLineage",
        "sagemaker:GetSearchSuggestions",
      ],
      resources: ["*"],
    }),
    allow({
      // Search returns whole resource descriptions of the account (hyperparameters, S3 URIs, …). With the
      // visibility condition, a request must carry VisibilityConditions [{Key: "Tags.team", Value: team}],
      // and SageMaker leaves out resources tagged for other teams.
      // https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html
      sid: "SearchTeamResources",
      actions: ["sagemaker:Search"],
      resources: ["*"],
      conditions: { StringEquals: { "sagemaker:SearchVisibilityCondition/Tags.team/EqualsIfExists": context.team } },
    }),
  ];
}
