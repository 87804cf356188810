import { sageMakerLogGroups } from "@ml-iam/iam";
import { passedTo, taggedFor, taggedOnCreate } from "../request-context";
import type { TeamResources } from "../team-resources";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowStep } from "../workflow";
import { pullImageSteps } from "./ecr-steps";
import { putMetricsStep, writeLogSteps } from "./logs-steps";
import { readObjectSteps } from "./s3-steps";
import { trainingJobName } from "./train-model";

const sageMaker = "sagemaker.amazonaws.com";

/** The model artifact a training job wrote, which registration and deployment read. */
function modelArtifact(team: TeamResources): { bucket: string; key: string } {
  return { bucket: team.first("artifactBuckets"), key: `${trainingJobName(team)}/output/model.tar.gz` };
}

/**
 * A person registers a model version in the team's model registry: a model package group tagged for the
 * team, then a version in it (which takes the group's tags), and approves it.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-version.html
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html
 */
export const registerModel = defineWorkflow({
  name: "register-model",
  title: "Register a model version in the team's model registry",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-version.html",
    "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
  ],
  steps: (team): WorkflowStep[] => {
    const group = team.name("resnet");
    const groupArn = team.arn.sagemaker.modelPackageGroup({ name: group }).value;
    const versionArn = team.arn.sagemaker.modelPackage({ name: `${group}/1` }).value;
    const created = taggedOnCreate(team.team);
    return [
      { actor: "person", action: "sagemaker:CreateModelPackageGroup", resource: groupArn, context: created, purpose: `create the registry entry ${group}` },
      { actor: "person", action: "sagemaker:AddTags", resource: groupArn, context: { ...created, "sagemaker:TaggingAction": "CreateModelPackageGroup" }, purpose: "tag the group as it is created" },
      // A version in a group takes the group's tags; CreateModelPackage refuses tags of its own then.
      { actor: "person", action: "sagemaker:CreateModelPackage", resource: versionArn, context: {}, purpose: "register version 1 in the group" },
      { actor: "person", action: "sagemaker:DescribeModelPackageGroup", resource: groupArn, context: taggedFor(team.team), purpose: "see the group" },
      { actor: "person", action: "sagemaker:DescribeModelPackage", resource: versionArn, context: {}, purpose: "see the version" },
      { actor: "person", action: "sagemaker:UpdateModelPackage", resource: versionArn, context: { "sagemaker:ModelApprovalStatus": "Approved" }, purpose: "approve the version" },
    ];
  },
});

/**
 * A person deploys a model to a real-time endpoint, passing the model role, and invokes it; SageMaker runs
 * the model as that role: it pulls the image and the artifact and writes the endpoint's logs and metrics.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms
 * https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-deploy-models.html
 */
export const deployModel = defineWorkflow({
  name: "deploy-model",
  title: "Deploy a model to an endpoint and invoke it",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-deploy-models.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html",
  ],
  steps: (team): WorkflowStep[] => {
    const model = team.name("resnet-model");
    const config = team.name("resnet-config");
    const endpoint = team.name("resnet-endpoint");
    const arns = {
      model: team.arn.sagemaker.model({ name: model }).value,
      config: team.arn.sagemaker.endpointConfig({ name: config }).value,
      endpoint: team.arn.sagemaker.endpoint({ name: endpoint }).value,
    };
    const created = taggedOnCreate(team.team);
    const teamOwned = taggedFor(team.team);
    const artifact = modelArtifact(team);
    const creates = [
      ["sagemaker:CreateModel", arns.model, "CreateModel", `create the model ${model}`],
      ["sagemaker:CreateEndpointConfig", arns.config, "CreateEndpointConfig", `create the endpoint config ${config}`],
      ["sagemaker:CreateEndpoint", arns.endpoint, "CreateEndpoint", `create the endpoint ${endpoint}`],
    ] as const;
    const endpointLogs = `${sageMakerLogGroups.endpoints}/${endpoint}`;
    return [
      ...creates.flatMap(([action, resource, taggingAction, purpose]): WorkflowStep[] => [
        { actor: "person", action, resource, context: created, purpose: `${purpose}, tagged for the team` },
        { actor: "person", action: "sagemaker:AddTags", resource, context: { ...created, "sagemaker:TaggingAction": taggingAction }, purpose: "tag it as it is created" },
      ]),
      // CreateEndpoint is authorized on the endpoint config it uses as well.
      { actor: "person", action: "sagemaker:CreateEndpoint", resource: arns.config, context: teamOwned, purpose: `use the endpoint config ${config}` },
      { actor: "person", action: "iam:PassRole", resource: team.role("model"), context: passedTo(sageMaker), purpose: "let SageMaker run the model as the model role" },
      {
        actor: { service: sageMaker, assumes: "model" },
        action: "sts:AssumeRole",
        resource: team.role("model"),
        context: { "aws:SourceAccount": team.scope.account, "aws:SourceArn": arns.model },
        purpose: "SageMaker takes the model role for the endpoint",
      },
      ...pullImageSteps(team, "model", team.first("ecrRepositories")),
      ...readObjectSteps(team, "model", artifact.bucket, artifact.key, team.optionalList("kmsKeyArns")),
      ...writeLogSteps(team, "model", endpointLogs, "AllTraffic/i-0a1b2c3d4e5f60718"),
      putMetricsStep("model", sageMakerLogGroups.endpoints),
      { actor: "person", action: "sagemaker:DescribeEndpoint", resource: arns.endpoint, context: teamOwned, purpose: "wait for the endpoint" },
      { actor: "person", action: "sagemaker:InvokeEndpoint", resource: arns.endpoint, context: teamOwned, purpose: "invoke the endpoint" },
      { actor: "person", action: "sagemaker:DeleteEndpoint", resource: arns.endpoint, context: teamOwned, purpose: "delete the endpoint when done" },
    ];
  },
});
