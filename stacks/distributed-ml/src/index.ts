import { InstanceProfile } from "@pulumi/aws/iam";
import { centralAi, distributedMl } from "@ml-iam/contracts";
import {
  ec2DistributedTraining,
  s3BucketAccess,
  sessionManagerInstance,
  sessionManagerSessions,
} from "@ml-iam/iam";
import { ec2InstanceType, imageId, launchTemplateId, readStackConfig, TeamGroup, TeamUsers, teamManagedPolicy, teamResourcesConfigShape, teamAccessRole, teamServiceRole, z } from "@ml-iam/team-stack";

// Config: the team's datasets, checkpoints and VPC (the keys every team uses), what its training instances launch
// from (images, launch templates) and as (instance types), and whether a cluster's nodes launch its workers.
const config = readStackConfig({
  ...teamResourcesConfigShape,
  imageIds: z.array(imageId).min(1),
  keyPairNames: z.array(z.string().min(1)).default([]),
  launchTemplateIds: z.array(launchTemplateId).default([]),
  instanceTypes: z.array(ec2InstanceType).min(1),
  clusterLaunchesWorkers: z.boolean().default(false),
});
const { stack, centralStack } = config;
const { ec2, iam } = stack.arn;
const team = { scope: stack.scope, team: stack.team };

// The central stack: the boundary every role carries, and the shared datasets policy.
const central = centralAi.reference({ stack: centralStack });

// Policies. The seed granted ListBucket on object ARNs, which never matches: ListBucket goes on the buckets.
// People curate the team's datasets; nodes read them and write checkpoints.
const datasets = teamManagedPolicy({
  stack,
  purpose: "datasets",
  description: "List the team's dataset buckets; read and write their objects.",
  statements: s3BucketAccess(team, { buckets: config.datasetBuckets, access: "read-write" }),
});
// People launch training clusters (on demand or Spot, from images or launch templates, in the team's placement
// groups) as the instance role, and reach their nodes through Session Manager. The seed's RunInstances on "*" is
// denied by EC2 and its TerminateInstances on "*" would reach every instance: everything is tagged at launch,
// only tagged instances can be stopped or terminated, and they can only run as the instance role.
const instanceRoleArn = iam.role({ name: stack.names.resourceName("instance"), path: stack.names.path });
const launch = teamManagedPolicy({
  stack,
  purpose: "ec2-training",
  description: "Launch the team's EC2 training instances as its instance role; stop and terminate only those.",
  statements: ec2DistributedTraining(team, {
    images: config.imageIds.map((id) => ec2.image({ id })),
    subnets: config.subnetIds.map((id) => ec2.subnet({ id })),
    securityGroups: config.securityGroupIds.map((id) => ec2.securityGroup({ id })),
    keyPairs: config.keyPairNames.map((name) => ec2.keyPair({ name })),
    launchTemplates: config.launchTemplateIds.map((id) => ec2.launchTemplate({ id })),
    instanceTypes: config.instanceTypes,
    instanceRoles: [instanceRoleArn],
  }),
});
const sessions = teamManagedPolicy({ stack, purpose: "sessions", description: "Session Manager sessions on the team's instances.", statements: sessionManagerSessions(team) });
const node = teamManagedPolicy({
  stack,
  purpose: "node",
  description: "What a training node does: read datasets, write checkpoints and logs, take Session Manager sessions.",
  statements: [
    ...s3BucketAccess(team, { buckets: config.datasetBuckets, access: "read-only" }),
    ...s3BucketAccess(team, { buckets: config.artifactBuckets, access: "read-write" }),
    ...sessionManagerInstance(team),
  ],
});

// Principals: nodes run as the instance role through its instance profile; people assume the access role with MFA,
// tagging the session with who they are. EC2 sets no aws:SourceAccount: iam:PassRole decides who launches as the role.
const instanceRole = teamServiceRole({
  stack,
  purpose: "instance",
  service: "ec2.amazonaws.com",
  description: "Assumed by the team's EC2 training nodes.",
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  // A node launches workers only where the team's clusters do it themselves.
  managedPolicies: { node: node.arn, "datasets-read": central.datasetsReadPolicyArn, ...(config.clusterLaunchesWorkers ? { "ec2-training": launch.arn } : {}) },
});
new InstanceProfile("instance", { name: stack.names.resourceName("instance"), path: stack.names.path, role: instanceRole.name }, { deleteBeforeReplace: true });
const accessRole = teamAccessRole({
  stack,
  description: "Assumed by distributed ML team members with MFA.",
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { "ec2-training": launch.arn, sessions: sessions.arn, datasets: datasets.arn, "datasets-read": central.datasetsReadPolicyArn },
});
// People: the members who sign in as IAM users (a PGP-encrypted first password, no access keys), created here.
const users = new TeamUsers({ stack, names: config.members, pgpKeys: config.pgpKeys, permissionsBoundaryArn: central.permissionsBoundaryArn });
const group = new TeamGroup({ stack, members: users.names, assumableRoleArns: [accessRole.arn] });

// Exports: the team's policy is what only its people can do, launching training instances.
export = distributedMl.outputs({
  accessRoleArn: accessRole.arn,
  instanceRoleArn: instanceRole.arn,
  policyArn: launch.arn,
  groupName: group.name,
  peoplePolicyArns: accessRole.managedPolicyArns,
  permissionsBoundaryArn: central.permissionsBoundaryArn,
});
