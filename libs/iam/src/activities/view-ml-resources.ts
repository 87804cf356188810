import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

/**
 * Looks at the team's jobs, models, endpoints, pipelines and monitoring without changing them: Describe
 * and List only, on resources named `${team}-*` and tagged `team`.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/api-permissions-reference.html
 */
export function viewMlResources(context: ActivityContext): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  return [
    allow({
      sid: "ViewTaggedResources",
      actions: [
        "sagemaker:DescribeTrainingJob",
        "sagemaker:DescribeProcessingJob",
        "sagemaker:DescribeTransformJob",
        "sagemaker:DescribeHyperParameterTuningJob",
        "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
        "sagemaker:DescribeAutoMLJob",
        "sagemaker:DescribeAutoMLJobV2",
        "sagemaker:DescribeModel",
        "sagemaker:DescribeModelPackageGroup",
        "sagemaker:DescribeEndpointConfig",
        "sagemaker:DescribeEndpoint",
        "sagemaker:DescribePipeline",
        "sagemaker:ListPipelineExecutions",
        "sagemaker:DescribeMonitoringSchedule",
        "sagemaker:DescribeDataQualityJobDefinition",
        "sagemaker:DescribeModelQualityJobDefinition",
      ],
      resources: [
        sagemaker.trainingJob({ name }),
        sagemaker.processingJob({ name }),
        sagemaker.transformJob({ name }),
        sagemaker.hyperParameterTuningJob({ name }),
        sagemaker.automlJob({ name }),
        sagemaker.model({ name }),
        sagemaker.modelPackageGroup({ name }),
        sagemaker.endpointConfig({ name }),
        sagemaker.endpoint({ name }),
        sagemaker.pipeline({ name }),
        sagemaker.monitoringSchedule({ name }),
        sagemaker.dataQualityJobDefinition({ name }),
        sagemaker.modelQualityJobDefinition({ name }),
      ],
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // Model package versions and pipeline executions carry no tags of their own; their ARNs name the
      // team's group or pipeline.
      sid: "ViewVersionsAndExecutions",
      actions: [
        "sagemaker:DescribeModelPackage",
        "sagemaker:DescribePipelineExecution",
        "sagemaker:DescribePipelineDefinitionForExecution",
        "sagemaker:ListPipelineExecutionSteps",
        "sagemaker:ListPipelineParametersForExecution",
      ],
      resources: [sagemaker.modelPackage({ name }), sagemaker.pipelineExecution({ pipeline: name, id: "*" })],
    }),
    allow({
      sid: "ViewList",
      actions: [
        "sagemaker:ListTrainingJobs",
        "sagemaker:ListProcessingJobs",
        "sagemaker:ListTransformJobs",
        "sagemaker:ListHyperParameterTuningJobs",
        "sagemaker:ListAutoMLJobs",
        "sagemaker:ListCandidatesForAutoMLJob",
        "sagemaker:ListModels",
        "sagemaker:ListModelPackageGroups",
        "sagemaker:ListModelPackages",
        "sagemaker:ListEndpointConfigs",
        "sagemaker:ListEndpoints",
        "sagemaker:ListPipelines",
        "sagemaker:ListMonitoringSchedules",
        "sagemaker:ListMonitoringExecutions",
        "sagemaker:ListDataQualityJobDefinitions",
        "sagemaker:ListModelQualityJobDefinitions",
      ],
      resources: ["*"],
    }),
  ];
}
