import { sageMakerLogGroups } from "@ml-iam/iam";
import { passedTo, taggedFor, taggedOnCreate } from "../request-context";
import type { TeamResources } from "../team-resources";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowActor, WorkflowContext, WorkflowStep } from "../workflow";
import { pullImageSteps } from "./ecr-steps";
import { putMetricsStep, readLogSteps, writeLogSteps } from "./logs-steps";
import { readObjectSteps, writeObjectSteps } from "./s3-steps";
import { vpcNetworkInterfaceSteps } from "./vpc-steps";

const sageMaker = "sagemaker.amazonaws.com";
const trainingInstanceType = "ml.g5.2xlarge";

/** The training job every training workflow starts, named by the team's convention. */
export function trainingJobName(team: TeamResources): string {
  return team.name("train-resnet");
}

/** Where `Estimator.fit` uploads the training code: `<job>/source/sourcedir.tar.gz` in the team's first artifact bucket. */
function sourceKey(job: string): string {
  return `${job}/source/sourcedir.tar.gz`;
}

/** The VPC keys a CreateTrainingJob request carries when the team's jobs run in its VPC. */
function vpcContext(team: TeamResources): WorkflowContext {
  const subnets = team.optionalList("subnetIds");
  if (subnets.length === 0) return {};
  return { "sagemaker:VpcSubnets": subnets, "sagemaker:VpcSecurityGroupIds": team.list("securityGroupIds") };
}

/**
 * What the SageMaker Python SDK's `Estimator.fit` asks for, as the caller: upload the code, create the job with
 * the team's tag (SageMaker authorizes the tags as sagemaker:AddTags too), pass the job role, follow the job
 * and read its logs.
 */
export function startTrainingJobSteps(team: TeamResources, actor: WorkflowActor, jobRole: string): WorkflowStep[] {
  const job = trainingJobName(team);
  const jobArn = team.arn.sagemaker.trainingJob({ name: job }).value;
  const artifacts = team.first("artifactBuckets");
  const created = taggedOnCreate(team.team);
  return [
    ...writeObjectSteps(team, actor, artifacts, sourceKey(job), "upload sourcedir.tar.gz", team.optionalList("kmsKeyArns")),
    {
      actor,
      action: "sagemaker:CreateTrainingJob",
      resource: jobArn,
      context: { ...created, "sagemaker:InstanceTypes": [trainingInstanceType], ...vpcContext(team) },
      purpose: `create ${job}, tagged for the team`,
    },
    { actor, action: "sagemaker:AddTags", resource: jobArn, context: { ...created, "sagemaker:TaggingAction": "CreateTrainingJob" }, purpose: "tag the job as it is created" },
    { actor, action: "iam:PassRole", resource: jobRole, context: passedTo(sageMaker), purpose: "let SageMaker run the job as the job role" },
    { actor, action: "sagemaker:DescribeTrainingJob", resource: jobArn, context: taggedFor(team.team), purpose: "follow the job's status" },
    ...readLogSteps(team, actor, sageMakerLogGroups.trainingJobs, `${job}/algo-1-1764806400`),
  ];
}

/**
 * What SageMaker does as the job role while the job runs: assume it, pull the image, read the code and the
 * datasets, write checkpoints, artifacts, logs and metrics, and run in the team's VPC.
 */
export function trainingJobRunSteps(team: TeamResources): WorkflowStep[] {
  const job = trainingJobName(team);
  const artifacts = team.first("artifactBuckets");
  const teamKeys = team.optionalList("kmsKeyArns");
  const datasets = team.first("datasetBuckets");
  const [shared] = team.sharedDatasetBuckets();
  return [
    {
      actor: { service: sageMaker, assumes: "job" },
      action: "sts:AssumeRole",
      resource: team.role("job"),
      context: { "aws:SourceAccount": team.scope.account, "aws:SourceArn": team.arn.sagemaker.trainingJob({ name: job }).value },
      purpose: "SageMaker takes the job role for the job",
    },
    ...pullImageSteps(team, "job", team.first("ecrRepositories")),
    ...readObjectSteps(team, "job", artifacts, sourceKey(job), teamKeys),
    ...readObjectSteps(team, "job", datasets, "train/part-00000.parquet", teamKeys),
    ...readObjectSteps(team, "job", shared!, "curated/train/part-00000.parquet", team.central.datasetKmsKeyArns),
    ...writeObjectSteps(team, "job", artifacts, `${job}/checkpoints/checkpoint-1000.pt`, "write a checkpoint", teamKeys),
    ...writeObjectSteps(team, "job", artifacts, `${job}/output/model.tar.gz`, "write the model artifact", teamKeys),
    ...writeLogSteps(team, "job", sageMakerLogGroups.trainingJobs, `${job}/algo-1-1764806400`),
    putMetricsStep("job", sageMakerLogGroups.trainingJobs),
    ...(team.optionalList("subnetIds").length > 0 ? vpcNetworkInterfaceSteps(team, "job") : []),
  ];
}

const trainingSources = [
  "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms",
  "https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html",
  "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
  "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html",
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms",
];

/** A person uploads training code and starts a training job from a laptop, passing the job role, then follows it. */
export const trainFromLaptop = defineWorkflow({
  name: "train-from-laptop",
  title: "Upload code and start a training job from a laptop; follow it",
  expect: "allowed",
  sources: trainingSources,
  steps: (team) => startTrainingJobSteps(team, "person", team.role("job")),
});

/** The same from a Studio notebook, where the SDK runs as the Studio execution role. */
export const trainFromStudio = defineWorkflow({
  name: "train-from-studio",
  title: "Upload code and start a training job from a Studio notebook; follow it",
  expect: "allowed",
  sources: trainingSources,
  steps: (team) => startTrainingJobSteps(team, "studio", team.role("job")),
});

/** A training job runs as the job role. */
export const trainingJobRuns = defineWorkflow({
  name: "training-job-runs",
  title: "A training job runs: image, code, datasets, checkpoints, artifacts, logs, metrics, VPC",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html",
  ],
  steps: (team) => trainingJobRunSteps(team),
});
