import { passedTo, taggedFor, taggedOnCreate } from "../request-context";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowStep } from "../workflow";

const sageMaker = "sagemaker.amazonaws.com";

/**
 * A person creates and starts a SageMaker pipeline; SageMaker runs it as the pipeline role, whose training
 * step creates a training job (tagged for the team, as the step definition's tags say) passing the job role.
 * Pipelines name step jobs `pipelines-<execution>-<step>-<suffix>`, not after the team, so the pipeline
 * role's grants rest on the team's tag.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-access.html
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createpipeline-perms
 */
export const runPipeline = defineWorkflow({
  name: "run-pipeline",
  title: "Create and start a SageMaker pipeline whose step starts a training job",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/sagemaker/latest/dg/build-and-manage-access.html",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
  ],
  steps: (team): WorkflowStep[] => {
    const pipeline = team.name("training-pipeline");
    const pipelineArn = team.arn.sagemaker.pipeline({ name: pipeline }).value;
    const executionArn = team.arn.sagemaker.pipelineExecution({ pipeline, id: "a1b2c3d4e5f6" }).value;
    const stepJob = "pipelines-a1b2c3d4e5f6-Train-0Kq1bXk9Ab";
    const stepJobArn = team.arn.sagemaker.trainingJob({ name: stepJob }).value;
    const created = taggedOnCreate(team.team);
    const teamOwned = taggedFor(team.team);
    return [
      { actor: "person", action: "sagemaker:CreatePipeline", resource: pipelineArn, context: created, purpose: `create ${pipeline}, tagged for the team` },
      { actor: "person", action: "sagemaker:AddTags", resource: pipelineArn, context: { ...created, "sagemaker:TaggingAction": "CreatePipeline" }, purpose: "tag the pipeline as it is created" },
      { actor: "person", action: "iam:PassRole", resource: team.role("pipeline"), context: passedTo(sageMaker), purpose: "let SageMaker run the pipeline as the pipeline role" },
      { actor: "person", action: "sagemaker:StartPipelineExecution", resource: pipelineArn, context: teamOwned, purpose: "start the pipeline" },
      { actor: "person", action: "sagemaker:DescribePipelineExecution", resource: executionArn, context: {}, purpose: "follow the execution" },
      { actor: "person", action: "sagemaker:ListPipelineExecutionSteps", resource: executionArn, context: {}, purpose: "see the steps" },
      {
        actor: { service: sageMaker, assumes: "pipeline" },
        action: "sts:AssumeRole",
        resource: team.role("pipeline"),
        context: { "aws:SourceAccount": team.scope.account, "aws:SourceArn": pipelineArn },
        purpose: "SageMaker takes the pipeline role for the execution",
      },
      { actor: "pipeline", action: "sagemaker:CreateTrainingJob", resource: stepJobArn, context: created, purpose: "the training step creates its job, tagged for the team" },
      { actor: "pipeline", action: "sagemaker:AddTags", resource: stepJobArn, context: { ...created, "sagemaker:TaggingAction": "CreateTrainingJob" }, purpose: "tag the step's job" },
      { actor: "pipeline", action: "iam:PassRole", resource: team.role("job"), context: passedTo(sageMaker), purpose: "run the step's job as the job role" },
      { actor: "pipeline", action: "sagemaker:DescribeTrainingJob", resource: stepJobArn, context: teamOwned, purpose: "wait for the step's job" },
    ];
  },
});
