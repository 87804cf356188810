import { InstanceProfile } from "@pulumi/aws/iam";
import { centralAi, distributedMl } from "@ml-iam/contracts";
import { accountTrust, ec2DistributedTraining, s3BucketAccess, serviceTrust } from "@ml-iam/iam";
import { bucketName, iamUserName, readStackConfig, TeamGroup, teamManagedPolicy, TeamRole, z } from "@ml-iam/team-stack";

// Config: the team's datasets, what its training instances launch from and into, and its people.
const { stack, centralStack, datasetBuckets, imageIds, subnetIds, securityGroupIds, keyPairNames, launchTemplateIds, members } =
  readStackConfig({
    datasetBuckets: z.array(bucketName).min(1),
    imageIds: z.array(z.string().regex(/^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not an AMI id (ami-…)")).min(1),
    subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not a subnet id (subnet-…)")).min(1),
    securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not a security group id (sg-…)")).min(1),
    keyPairNames: z.array(z.string().min(1)).default([]),
    launchTemplateIds: z.array(z.string().regex(/^lt-[0-9a-f]{17}$/, "is not a launch template id (lt-…)")).default([]),
    members: z.array(iamUserName).default([]),
  });
const { ec2, iam } = stack.arn;
const team = { scope: stack.scope, team: stack.team };

// The central stack: the boundary every role carries, and the shared datasets policy.
const central = centralAi.reference({ stack: centralStack });

// Policies. Datasets for people and instances alike: the seed granted ListBucket on object ARNs, which never
// matches, so ListBucket goes on the buckets and reads and writes on their objects.
const datasets = teamManagedPolicy({
  stack,
  purpose: "datasets",
  description: "List the team's dataset buckets; read and write their objects.",
  statements: s3BucketAccess(team, { buckets: datasetBuckets, access: "read-write" }),
});
// People launch training clusters, and a cluster's coordinator (running as the execution role) launches its
// workers. The seed's RunInstances on "*" is denied by EC2 and its TerminateInstances on "*" would reach every
// instance of the account: instances are tagged for the team as they launch, only tagged ones can be stopped
// or terminated, and they can only run as the execution role.
const executionRoleArn = iam.role({ name: stack.names.resourceName("execution"), path: stack.names.path });
const training = teamManagedPolicy({
  stack,
  purpose: "ec2-training",
  description: "Launch the team's EC2 training instances as its execution role; stop and terminate only those.",
  statements: ec2DistributedTraining(team, {
    images: imageIds.map((id) => ec2.image({ id })),
    subnets: subnetIds.map((id) => ec2.subnet({ id })),
    securityGroups: securityGroupIds.map((id) => ec2.securityGroup({ id })),
    keyPairs: keyPairNames.map((name) => ec2.keyPair({ name })),
    launchTemplates: launchTemplateIds.map((id) => ec2.launchTemplate({ id })),
    instanceRoles: [executionRoleArn],
  }),
});

// Principals: training instances run as the execution role through its instance profile; people assume the
// access role with MFA. EC2 sets no aws:SourceAccount: iam:PassRole decides who can launch as the role.
const executionRole = new TeamRole({
  stack,
  purpose: "execution",
  description: "Assumed by the team's EC2 training instances.",
  trust: [serviceTrust({ service: "ec2.amazonaws.com", account: stack.scope.account })],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { "ec2-training": training.arn, datasets: datasets.arn, "datasets-read": central.datasetsReadPolicyArn },
});
new InstanceProfile(
  "execution",
  { name: stack.names.resourceName("execution"), path: stack.names.path, role: executionRole.name },
  { deleteBeforeReplace: true },
);
const accessRole = new TeamRole({
  stack,
  purpose: "access",
  description: "Assumed by distributed ML team members with MFA.",
  trust: [accountTrust({ ...stack.scope, requireMfa: true })],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { "ec2-training": training.arn, datasets: datasets.arn, "datasets-read": central.datasetsReadPolicyArn },
});
const group = new TeamGroup({ stack, members: members, assumableRoleArns: [accessRole.arn] });

// Exports: the team's policy is what only its people can do, launching training instances.
export = distributedMl.outputs({
  accessRoleArn: accessRole.arn,
  executionRoleArn: executionRole.arn,
  policyArn: training.arn,
  groupName: group.name,
});
