import { taggedFor } from "../request-context";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowStep } from "../workflow";
import { trainingJobName } from "./train-model";

/**
 * A person follows the ML work of the account without changing it: lists jobs, models and endpoints and
 * describes them (seed 003's read-only policy).
 * https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html
 */
export const viewMlResources = defineWorkflow({
  name: "view-ml-resources",
  title: "List and describe the account's training jobs, models and endpoints",
  expect: "allowed",
  sources: ["https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html"],
  steps: (team): WorkflowStep[] => {
    const { sagemaker } = team.arn;
    const owned = taggedFor(team.team);
    return [
      { actor: "person", action: "sagemaker:ListTrainingJobs", resource: "*", context: {}, purpose: "list the training jobs" },
      { actor: "person", action: "sagemaker:DescribeTrainingJob", resource: sagemaker.trainingJob({ name: trainingJobName(team) }).value, context: owned, purpose: "describe a training job" },
      { actor: "person", action: "sagemaker:ListModels", resource: "*", context: {}, purpose: "list the models" },
      { actor: "person", action: "sagemaker:DescribeModel", resource: sagemaker.model({ name: team.name("resnet-model") }).value, context: owned, purpose: "describe a model" },
      { actor: "person", action: "sagemaker:ListEndpoints", resource: "*", context: {}, purpose: "list the endpoints" },
      { actor: "person", action: "sagemaker:DescribeEndpoint", resource: sagemaker.endpoint({ name: team.name("resnet-endpoint") }).value, context: owned, purpose: "describe an endpoint" },
    ];
  },
});

/** What a read-only principal must never do: start, change or delete anything. */
export const neverChangeMlResources = defineWorkflow({
  name: "never-change-ml-resources",
  title: "Never start, change or delete SageMaker resources",
  expect: "denied",
  sources: ["https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html"],
  steps: (team): WorkflowStep[] => {
    const { sagemaker } = team.arn;
    const owned = taggedFor(team.team);
    const job = sagemaker.trainingJob({ name: trainingJobName(team) }).value;
    return [
      { actor: "person", action: "sagemaker:CreateTrainingJob", resource: job, context: {}, purpose: "start a training job" },
      { actor: "person", action: "sagemaker:StopTrainingJob", resource: job, context: owned, purpose: "stop a training job" },
      { actor: "person", action: "sagemaker:CreateEndpoint", resource: sagemaker.endpoint({ name: team.name("resnet-endpoint") }).value, context: {}, purpose: "create an endpoint" },
      { actor: "person", action: "sagemaker:DeleteModel", resource: sagemaker.model({ name: team.name("resnet-model") }).value, context: owned, purpose: "delete a model" },
    ];
  },
});
