/** One (action, resource) pair a source document grants, as written there, and what became of it here. */
export interface SeedGrant {
  seed: string;
  action: string;
  resource: string;
  coverage: Coverage;
}

/**
 * Where a seed's grant lives in this project, or why it does not. A kept grant is proven by a workflow the
 * stack declares: its step with the action must be allowed in the dev plan, whatever else the workflow needs.
 */
export type Coverage =
  | {
      outcome: "granted" | "narrowed";
      /** The stack whose declared workflow proves the grant. */
      stack: string;
      /** The workflow, as the stack's workflows.ts names it. */
      workflow: string;
      /** For a shared policy proven on its own: the policy's name (the workflow's subject). */
      heldAlone?: string;
      /** The action of the step that stands for the seed's grant. */
      action: string;
      /** The step's resource, as a pattern, where the workflow asks for the action on several resources. */
      resource?: string;
      reason: string;
    }
  | { outcome: "dropped"; reason: string; /** The rule that rejects the pair as written, if one does. */ finding?: string };

const notebooks = "arn:aws:sagemaker:*:*:notebook-instance/*";

const crossed = (action: string, resource: string): Coverage => ({
  outcome: "dropped",
  reason: `one statement crossed every action with every resource; ${action} never applies to ${resource}`,
  finding: "RESOURCE_MISMATCH",
});

/** A kept grant, proven by a step of a stack's workflow. */
function provenBy(
  outcome: "granted" | "narrowed",
  stack: string,
  workflow: string,
  action: string,
  reason: string,
  options: { heldAlone?: string; resource?: string } = {},
): Coverage {
  return { outcome, stack, workflow, action, reason, ...options };
}

/**
 * Every (action, resource) pair the five source documents grant, expanded from their statements, with the
 * workflow that proves it here. The seed-coverage test proves each claim over the plans.
 */
export const seedGrants: readonly SeedGrant[] = [
  // 000: data scientists. One policy for SageMaker and S3, attached to a SageMaker role and a group.
  {
    seed: "000",
    action: "sagemaker:*",
    resource: notebooks,
    coverage: provenBy(
      "narrowed",
      "data-scientists",
      "open-studio",
      "sagemaker:CreatePresignedDomainUrl",
      "every action on anyone's notebook instances became a person's own Studio profile, the Studio role's apps in it, and the team's jobs",
    ),
  },
  { seed: "000", action: "sagemaker:*", resource: "arn:aws:s3:::ai-datasets", coverage: crossed("sagemaker:*", "an S3 bucket") },
  { seed: "000", action: "sagemaker:*", resource: "arn:aws:s3:::ai-datasets/*", coverage: crossed("sagemaker:*", "S3 objects") },
  { seed: "000", action: "s3:GetObject", resource: notebooks, coverage: crossed("s3:GetObject", "a notebook instance") },
  { seed: "000", action: "s3:GetObject", resource: "arn:aws:s3:::ai-datasets", coverage: crossed("s3:GetObject", "a bucket (only objects)") },
  {
    seed: "000",
    action: "s3:GetObject",
    resource: "arn:aws:s3:::ai-datasets/*",
    coverage: provenBy("granted", "data-scientists", "read-shared-datasets", "s3:GetObject", "the central datasets-read policy, for people and jobs alike; buckets are per env and decrypted through S3"),
  },
  { seed: "000", action: "s3:ListBucket", resource: notebooks, coverage: crossed("s3:ListBucket", "a notebook instance") },
  {
    seed: "000",
    action: "s3:ListBucket",
    resource: "arn:aws:s3:::ai-datasets",
    coverage: provenBy("granted", "data-scientists", "training-job-runs", "s3:ListBucket", "the seed's SageMaker role is the job role here, which lists the datasets a job reads", {
      resource: "arn:aws:s3:::ai-datasets-*",
    }),
  },
  { seed: "000", action: "s3:ListBucket", resource: "arn:aws:s3:::ai-datasets/*", coverage: crossed("s3:ListBucket", "objects (only buckets)") },

  // 001: centralized policy management. List and read one bucket, attached to an IAM user.
  {
    seed: "001",
    action: "s3:ListBucket",
    resource: "arn:aws:s3:::your-ai-team-bucket-name",
    coverage: provenBy(
      "granted",
      "central-ai",
      "read-shared-datasets",
      "s3:ListBucket",
      "the datasets-read shared policy on the configured buckets; users reach it through the central access role, not a user attachment",
    ),
  },
  { seed: "001", action: "s3:ListBucket", resource: "arn:aws:s3:::your-ai-team-bucket-name/*", coverage: crossed("s3:ListBucket", "objects (only buckets)") },
  { seed: "001", action: "s3:GetObject", resource: "arn:aws:s3:::your-ai-team-bucket-name", coverage: crossed("s3:GetObject", "a bucket (only objects)") },
  {
    seed: "001",
    action: "s3:GetObject",
    resource: "arn:aws:s3:::your-ai-team-bucket-name/*",
    coverage: provenBy("granted", "central-ai", "read-shared-datasets", "s3:GetObject", "the datasets-read shared policy, through the central access role"),
  },

  // 002: model building. One policy on "*", attached to a SageMaker role.
  {
    seed: "002",
    action: "sagemaker:*",
    resource: "*",
    coverage: provenBy(
      "narrowed",
      "model-builders",
      "train-from-laptop",
      "sagemaker:CreateTrainingJob",
      "the model-builder persona: jobs, models, endpoints and pipelines named model-builders-* and tagged team on create",
    ),
  },
  {
    seed: "002",
    action: "ecr:GetAuthorizationToken",
    resource: "*",
    coverage: provenBy("granted", "model-builders", "training-job-runs", "ecr:GetAuthorizationToken", "it has no resource-level permissions, so * is right"),
  },
  {
    seed: "002",
    action: "ec2:CreateNetworkInterface",
    resource: "*",
    coverage: provenBy("narrowed", "model-builders", "training-job-runs", "ec2:CreateNetworkInterface", "only in the configured subnets and security groups"),
  },
  {
    seed: "002",
    action: "ec2:DeleteNetworkInterface",
    resource: "*",
    coverage: provenBy("narrowed", "model-builders", "training-job-runs", "ec2:DeleteNetworkInterface", "only interfaces in the configured subnets"),
  },
  {
    seed: "002",
    action: "ec2:DescribeNetworkInterfaces",
    resource: "*",
    coverage: provenBy("granted", "model-builders", "training-job-runs", "ec2:DescribeNetworkInterfaces", "Describe actions have no resource-level permissions"),
  },
  {
    seed: "002",
    action: "logs:*",
    resource: "*",
    coverage: provenBy("narrowed", "model-builders", "training-job-runs", "logs:PutLogEvents", "the streams of the team's own jobs in SageMaker's log groups, not every log group of the account"),
  },

  // 003: ML user permissions. sagemaker:* on "*", with Describe*/List* suggested for read-only users.
  {
    seed: "003",
    action: "sagemaker:*",
    resource: "*",
    coverage: provenBy(
      "narrowed",
      "central-ai",
      "train-from-laptop",
      "sagemaker:CreateTrainingJob",
      "the shared full-access policy, scoped to the account, the region and the caller's team; it passes no role, so the central team's ml-jobs policy adds its job role",
    ),
  },
  {
    seed: "003",
    action: "sagemaker:Describe*",
    resource: "*",
    coverage: provenBy(
      "narrowed",
      "central-ai",
      "view-ml-resources",
      "sagemaker:DescribeTrainingJob",
      "the shared read-only policy, held alone: describes and lists the account's resources but other teams', and starts nothing (never-change-ml-resources)",
      { heldAlone: "central-ai-sagemaker-read-only" },
    ),
  },
  {
    seed: "003",
    action: "sagemaker:List*",
    resource: "*",
    coverage: provenBy("granted", "central-ai", "view-ml-resources", "sagemaker:ListTrainingJobs", "the shared read-only policy, held alone", { heldAlone: "central-ai-sagemaker-read-only" }),
  },

  // 004: distributed ML teams. S3 on object ARNs of ml-datasets-* and EC2 on "*", attached to a SageMaker role and a group.
  {
    seed: "004",
    action: "s3:ListBucket",
    resource: "arn:aws:s3:::ml-datasets-*/*",
    coverage: provenBy(
      "narrowed",
      "distributed-ml",
      "training-nodes-run",
      "s3:ListBucket",
      "ListBucket on object ARNs never matches: granted on the team's bucket ARNs instead of any ml-datasets-* bucket",
    ),
  },
  {
    seed: "004",
    action: "s3:GetObject",
    resource: "arn:aws:s3:::ml-datasets-*/*",
    coverage: provenBy("narrowed", "distributed-ml", "training-nodes-run", "s3:GetObject", "the team's dataset buckets, not every bucket named ml-datasets-*"),
  },
  {
    seed: "004",
    action: "s3:PutObject",
    resource: "arn:aws:s3:::ml-datasets-*/*",
    coverage: provenBy("narrowed", "distributed-ml", "training-nodes-run", "s3:PutObject", "nodes write checkpoints to the team's checkpoint bucket; people curate the team's datasets"),
  },
  {
    seed: "004",
    action: "ec2:RunInstances",
    resource: "*",
    coverage: provenBy(
      "narrowed",
      "distributed-ml",
      "launch-training-instance",
      "ec2:RunInstances",
      "instances, volumes and interfaces carry the team tag on creation, IMDSv2 and the configured types; images, subnets and security groups are the configured ones",
    ),
  },
  {
    seed: "004",
    action: "ec2:TerminateInstances",
    resource: "*",
    coverage: provenBy("narrowed", "distributed-ml", "launch-training-instance", "ec2:TerminateInstances", "only instances tagged with the team"),
  },
];
