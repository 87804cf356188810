/** One (action, resource) pair a source document grants, as written there, and what became of it here. */
export interface SeedGrant {
  seed: string;
  action: string;
  resource: string;
  coverage: Coverage;
}

/** Where a seed's grant lives in this project, or why it does not. */
export type Coverage =
  | {
      outcome: "granted" | "narrowed";
      /** The principal of the dev plans that is allowed it: `<stack>/<role, group, user or permission set name>`. */
      principal: string;
      /** The request this project allows in its place, as the dev plans name things. */
      action: string;
      resource: string;
      reason: string;
    }
  | { outcome: "dropped"; reason: string; /** The rule that rejects the pair as written, if one does. */ finding?: string };

const account = "111111111111";
const region = "us-east-1";
const sagemaker = (resource: string) => `arn:aws:sagemaker:${region}:${account}:${resource}`;
const notebooks = "arn:aws:sagemaker:*:*:notebook-instance/*";

const crossed = (action: string, resource: string): Coverage => ({
  outcome: "dropped",
  reason: `one statement crossed every action with every resource; ${action} never applies to ${resource}`,
  finding: "RESOURCE_MISMATCH",
});

/**
 * Every (action, resource) pair the five source documents grant, expanded from their statements,
 * with the principal that holds it here. The seed-coverage test proves each claim against the plans.
 */
export const seedGrants: readonly SeedGrant[] = [
  // 000: data scientists. One policy for SageMaker and S3, attached to a SageMaker role and a group.
  {
    seed: "000",
    action: "sagemaker:*",
    resource: notebooks,
    coverage: {
      outcome: "narrowed",
      principal: "data-scientists/data-scientists-access",
      action: "sagemaker:CreatePresignedDomainUrl",
      resource: sagemaker("user-profile/d-4xmplde7dev1/data-scientists-alice"),
      reason: "every action on anyone's notebooks became Studio apps of the team's own user profiles and the team's jobs",
    },
  },
  { seed: "000", action: "sagemaker:*", resource: "arn:aws:s3:::ai-datasets", coverage: crossed("sagemaker:*", "an S3 bucket") },
  { seed: "000", action: "sagemaker:*", resource: "arn:aws:s3:::ai-datasets/*", coverage: crossed("sagemaker:*", "S3 objects") },
  { seed: "000", action: "s3:GetObject", resource: notebooks, coverage: crossed("s3:GetObject", "a notebook instance") },
  { seed: "000", action: "s3:GetObject", resource: "arn:aws:s3:::ai-datasets", coverage: crossed("s3:GetObject", "a bucket (only objects)") },
  {
    seed: "000",
    action: "s3:GetObject",
    resource: "arn:aws:s3:::ai-datasets/*",
    coverage: {
      outcome: "granted",
      principal: "data-scientists/data-scientists-access",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::ai-datasets-dev/train/part-0.parquet",
      reason: "the central datasets-read policy, attached to the team's access and execution roles; buckets are per env",
    },
  },
  { seed: "000", action: "s3:ListBucket", resource: notebooks, coverage: crossed("s3:ListBucket", "a notebook instance") },
  {
    seed: "000",
    action: "s3:ListBucket",
    resource: "arn:aws:s3:::ai-datasets",
    coverage: {
      outcome: "granted",
      principal: "data-scientists/data-scientists-execution",
      action: "s3:ListBucket",
      resource: "arn:aws:s3:::ai-datasets-dev",
      reason: "the central datasets-read policy; the SageMaker role of the seed is the execution role here",
    },
  },
  { seed: "000", action: "s3:ListBucket", resource: "arn:aws:s3:::ai-datasets/*", coverage: crossed("s3:ListBucket", "objects (only buckets)") },

  // 001: centralized policy management. List and read one bucket, attached to an IAM user.
  {
    seed: "001",
    action: "s3:ListBucket",
    resource: "arn:aws:s3:::your-ai-team-bucket-name",
    coverage: {
      outcome: "granted",
      principal: "central-ai/central-ai-access",
      action: "s3:ListBucket",
      resource: "arn:aws:s3:::ml-datasets-dev",
      reason: "the datasets-read shared policy on the configured buckets; users reach it through the central access role, not a user attachment",
    },
  },
  { seed: "001", action: "s3:ListBucket", resource: "arn:aws:s3:::your-ai-team-bucket-name/*", coverage: crossed("s3:ListBucket", "objects (only buckets)") },
  { seed: "001", action: "s3:GetObject", resource: "arn:aws:s3:::your-ai-team-bucket-name", coverage: crossed("s3:GetObject", "a bucket (only objects)") },
  {
    seed: "001",
    action: "s3:GetObject",
    resource: "arn:aws:s3:::your-ai-team-bucket-name/*",
    coverage: {
      outcome: "granted",
      principal: "central-ai/central-ai-access",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::ml-datasets-dev/features/x.csv",
      reason: "the datasets-read shared policy, through the central access role",
    },
  },

  // 002: model building. One policy on "*", attached to a SageMaker role.
  {
    seed: "002",
    action: "sagemaker:*",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "model-builders/model-builders-access",
      action: "sagemaker:CreateTrainingJob",
      resource: sagemaker("training-job/model-builders-resnet-42"),
      reason: "the model-builder persona: jobs, models, endpoints and pipelines named model-builders-* and tagged team on create",
    },
  },
  {
    seed: "002",
    action: "ecr:GetAuthorizationToken",
    resource: "*",
    coverage: {
      outcome: "granted",
      principal: "model-builders/model-builders-training-execution",
      action: "ecr:GetAuthorizationToken",
      resource: "*",
      reason: "it has no resource-level permissions, so * is right",
    },
  },
  {
    seed: "002",
    action: "ec2:CreateNetworkInterface",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "model-builders/model-builders-training-execution",
      action: "ec2:CreateNetworkInterface",
      resource: `arn:aws:ec2:${region}:${account}:network-interface/eni-0123456789abcdef0`,
      reason: "only in the configured subnets and security groups",
    },
  },
  {
    seed: "002",
    action: "ec2:DeleteNetworkInterface",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "model-builders/model-builders-training-execution",
      action: "ec2:DeleteNetworkInterface",
      resource: `arn:aws:ec2:${region}:${account}:network-interface/eni-0123456789abcdef0`,
      reason: "only interfaces in the configured subnets and security groups",
    },
  },
  {
    seed: "002",
    action: "ec2:DescribeNetworkInterfaces",
    resource: "*",
    coverage: {
      outcome: "granted",
      principal: "model-builders/model-builders-training-execution",
      action: "ec2:DescribeNetworkInterfaces",
      resource: "*",
      reason: "Describe actions have no resource-level permissions",
    },
  },
  {
    seed: "002",
    action: "logs:*",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "model-builders/model-builders-training-execution",
      action: "logs:PutLogEvents",
      resource: `arn:aws:logs:${region}:${account}:log-group:/aws/sagemaker/TrainingJobs:log-stream:model-builders-resnet-42/algo-1`,
      reason: "writing SageMaker's log groups (/aws/sagemaker/*) only, not every log group of the account",
    },
  },

  // 003: ML user permissions. sagemaker:* on "*", with Describe*/List* suggested for read-only users.
  {
    seed: "003",
    action: "sagemaker:*",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "central-ai/central-ai-access",
      action: "sagemaker:CreateTrainingJob",
      resource: sagemaker("training-job/any-team-job"),
      reason: "the shared SageMaker full-access policy, scoped to the account and region, with no iam:PassRole; read-only users get the Describe*/List* policy",
    },
  },

  // 004: distributed ML teams. S3 on object ARNs of ml-datasets-* and EC2 on "*", attached to a SageMaker role and a group.
  {
    seed: "004",
    action: "s3:ListBucket",
    resource: "arn:aws:s3:::ml-datasets-*/*",
    coverage: {
      outcome: "narrowed",
      principal: "distributed-ml/distributed-ml-execution",
      action: "s3:ListBucket",
      resource: "arn:aws:s3:::distributed-ml-datasets-dev",
      reason: "ListBucket on object ARNs never matches: granted on the team's bucket ARNs instead of any ml-datasets-* bucket",
    },
  },
  {
    seed: "004",
    action: "s3:GetObject",
    resource: "arn:aws:s3:::ml-datasets-*/*",
    coverage: {
      outcome: "narrowed",
      principal: "distributed-ml/distributed-ml-execution",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::distributed-ml-datasets-dev/shard-0001",
      reason: "the team's dataset buckets, not every bucket named ml-datasets-*",
    },
  },
  {
    seed: "004",
    action: "s3:PutObject",
    resource: "arn:aws:s3:::ml-datasets-*/*",
    coverage: {
      outcome: "narrowed",
      principal: "distributed-ml/distributed-ml-execution",
      action: "s3:PutObject",
      resource: "arn:aws:s3:::distributed-ml-datasets-dev/checkpoints/step-100",
      reason: "the team's dataset buckets only",
    },
  },
  {
    seed: "004",
    action: "ec2:RunInstances",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "distributed-ml/distributed-ml-access",
      action: "ec2:RunInstances",
      resource: `arn:aws:ec2:${region}:${account}:instance/*`,
      reason: "instances must carry the team tag on creation; images, subnets and security groups are the configured ones",
    },
  },
  {
    seed: "004",
    action: "ec2:TerminateInstances",
    resource: "*",
    coverage: {
      outcome: "narrowed",
      principal: "distributed-ml/distributed-ml-access",
      action: "ec2:TerminateInstances",
      resource: `arn:aws:ec2:${region}:${account}:instance/i-0123456789abcdef0`,
      reason: "only instances tagged with the team",
    },
  },
];
