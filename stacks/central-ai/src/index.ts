import * as pulumi from "@pulumi/pulumi";
import { centralAi } from "@ml-iam/contracts";
import {
  centralBoundaryName,
  manageMlJobs,
  passRole,
  personas,
  readJobLogs,
  s3BucketAccess,
  sageMakerFullAccess,
  s3KmsKeys,
  sageMakerReadOnly,
  teamPermissionsBoundary,
  uploadTrainingCode,
} from "@ml-iam/iam";
import {
  bucketName,
  deliveryPath,
  envDelivery,
  deliveryConfigShape,
  iamUserName,
  kmsKeyArn,
  platformBucketNameProblems,
  policyArns,
  readStackConfig,
  readTeamsRegistry,
  StackConfigError,
  stackConfigFile,
  TeamGroup,
  teamManagedPolicy,
  teamPersonaPolicies,
  teamResources,
  teamResourcesConfigShape,
  teamAccessRole,
  teamServiceRole,
  TeamUsers,
  z,
} from "@ml-iam/team-stack";

// Config: the datasets every ML team reads (and their KMS keys), the central team's own resources and people,
// and how the team stacks are delivered: an existing GitHub OIDC provider, the state bucket, Identity Center.
const config = readStackConfig({
  sharedDatasetBuckets: z.array(bucketName).min(1),
  sharedDatasetKmsKeyArns: z.array(kmsKeyArn).default([]),
  ...teamResourcesConfigShape,
  // The central team's IAM users (each with its PGP key in central-ai:pgpKeys), besides its Identity Center people.
  users: z.array(iamUserName).default([]),
  ...deliveryConfigShape,
});
const { stack, sharedDatasetBuckets, sharedDatasetKmsKeyArns } = config;
// The boundary gives each team its own <team>-… buckets: no shared or state bucket may be named so.
const bucketProblems = platformBucketNameProblems(readTeamsRegistry(), { "central-ai:sharedDatasetBuckets": sharedDatasetBuckets, "central-ai:stateBucket": config.stateBucket ? [config.stateBucket] : [] });
if (bucketProblems.length > 0) throw new StackConfigError(stack.team, stackConfigFile(stack.team, stack.env), bucketProblems);
const central = { scope: stack.scope, team: stack.team };

// Shared policies: every team may attach these, by the ARNs this stack exports. SSE-KMS datasets are
// decrypted with their keys, through S3 only.
const datasetKeys = sharedDatasetKmsKeyArns.map((arn) => ({ resourceType: "kms:key" as const, value: pulumi.output(arn) }));
const datasetsRead = teamManagedPolicy({
  stack,
  purpose: "datasets-read",
  shared: true,
  description: "List the shared dataset buckets and read their objects, decrypting them through S3.",
  statements: [
    ...s3BucketAccess(central, { buckets: sharedDatasetBuckets, access: "read-only" }),
    ...(datasetKeys.length > 0 ? s3KmsKeys(central, { keys: datasetKeys, access: "read-only" }) : []),
  ],
});
const sagemakerReadOnlyPolicy = teamManagedPolicy({
  stack,
  purpose: "sagemaker-read-only",
  shared: true,
  description: "Describe and list SageMaker resources of this account and region.",
  statements: sageMakerReadOnly(central),
});
const sagemakerFullAccessPolicy = teamManagedPolicy({
  stack,
  purpose: "sagemaker-full-access",
  shared: true,
  description: "All SageMaker actions on this account's resources in its region; no PassRole.",
  statements: sageMakerFullAccess(central),
});
const sharedPolicyArns = [datasetsRead.arn, sagemakerReadOnlyPolicy.arn, sagemakerFullAccessPolicy.arn];

// The boundary every team principal carries; its ARN is known before deploy, so it can protect itself.
const boundaryName = centralBoundaryName(stack.env, config.sharedAccount);
const boundary = teamManagedPolicy({
  stack,
  purpose: "team-boundary",
  kind: "boundary",
  shared: true,
  description: "Permissions boundary of every ML team principal.",
  statements: teamPermissionsBoundary({
    scope: stack.scope,
    boundaryArn: stack.arn.iam.policy({ name: boundaryName, path: stack.names.path }).value,
    sharedPolicyArns,
    sharedDatasetBuckets,
    stateBucket: config.stateBucket,
    deliveryPath,
  }),
});

// The central team's own jobs run as its job role, which its people pass; the role's ARN follows from its name.
const jobRoleArn = stack.arn.iam.role({ name: stack.names.resourceName("job"), path: stack.names.path });
const resources = teamResources({ stack, config, jobRoles: [jobRoleArn] });
const jobPolicies = teamPersonaPolicies({ stack, policies: personas["sagemaker-compute"](central, resources).job ?? [], purposePrefix: "job", describe: (name) => `The central AI team's jobs (${name}).` });
// Full access runs nothing without a role to pass: this adds exactly the job role, the code upload and the logs.
const centralJobs = teamManagedPolicy({
  stack,
  purpose: "ml-jobs",
  description: "Start the central team's jobs as its job role and follow them.",
  statements: [...manageMlJobs(central), ...passRole(central, { roles: [jobRoleArn] }), ...uploadTrainingCode(central, { buckets: config.artifactBuckets, kmsKeys: resources.kmsKeys }), ...readJobLogs(central)],
});

// Principals: the central team's users (no access keys, a PGP-encrypted first password) reach AWS through the access role.
const users = new TeamUsers({ stack, names: [...config.users, ...config.members], pgpKeys: config.pgpKeys, permissionsBoundaryArn: boundary.arn });
const accessRole = teamAccessRole({
  stack,
  description: "Assumed by central AI team members with MFA.",
  permissionsBoundaryArn: boundary.arn,
  managedPolicies: { "datasets-read": datasetsRead.arn, "sagemaker-full-access": sagemakerFullAccessPolicy.arn, "ml-jobs": centralJobs.arn },
});
const jobRole = teamServiceRole({
  stack,
  purpose: "job",
  service: "sagemaker.amazonaws.com",
  description: "Assumed by SageMaker, for this account only, to run the central AI team's jobs.",
  permissionsBoundaryArn: boundary.arn,
  managedPolicies: { ...policyArns(jobPolicies), "datasets-read": datasetsRead.arn },
});
const group = new TeamGroup({ stack, members: users.names, assumableRoleArns: [accessRole.arn] });

// Delivery: GitHub Actions reaches the account through its OIDC provider, and each team stack of this env
// through its deploy and preview roles.
const delivery = envDelivery({ stack, config, boundaryArn: boundary.arn, sharedPolicyArns });

// Exports: the contract every consumer stack reads through its StackReference.
export = centralAi.outputs({
  permissionsBoundaryArn: boundary.arn,
  datasetsReadPolicyArn: datasetsRead.arn,
  sagemakerReadOnlyPolicyArn: sagemakerReadOnlyPolicy.arn,
  sagemakerFullAccessPolicyArn: sagemakerFullAccessPolicy.arn,
  datasetBucketArns: pulumi.all(sharedDatasetBuckets.map((name) => stack.arn.s3.bucket({ name }).value)),
  datasetKmsKeyArns: sharedDatasetKmsKeyArns,
  groupName: group.name,
  userNames: pulumi.all(users.names),
  accessRoleArn: accessRole.arn,
  peoplePolicyArns: accessRole.managedPolicyArns,
  jobRoleArn: jobRole.arn,
  ...delivery,
});
