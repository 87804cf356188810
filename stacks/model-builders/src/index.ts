import { getUserOutput, Group as IdentityStoreGroup, GroupMembership } from "@pulumi/aws/identitystore";
import {
  AccountAssignment,
  CustomerManagedPolicyAttachment,
  PermissionsBoundaryAttachment,
  PermissionSet,
} from "@pulumi/aws/ssoadmin";
import { centralAi, modelBuilders } from "@ml-iam/contracts";
import { accountTrust, managedPolicyReference, modelBuilder, sageMakerCompute, serviceTrust, type TeamResources } from "@ml-iam/iam";
import {
  bucketName,
  iamUserName,
  policyArns,
  readStackConfig,
  TeamGroup,
  teamManagedPolicy,
  teamPersonaPolicies,
  TeamRole,
  z,
} from "@ml-iam/team-stack";

// Config: where the team's training jobs read, write, pull and run, and who the model builders are,
// as IAM users (the IAM group) and as IAM Identity Center users (the permission set).
const config = readStackConfig({
  datasetBuckets: z.array(bucketName).min(1),
  artifactBuckets: z.array(bucketName).min(1),
  ecrRepositories: z
    .array(z.string().regex(/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, "is not an ECR repository name"))
    .min(1),
  subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not a subnet id (subnet-…)")).min(1),
  securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not a security group id (sg-…)")).min(1),
  users: z.array(iamUserName).default([]),
  identityStoreId: z.string().regex(/^d-[0-9a-f]{10}$/, "is not an Identity Store id (d-xxxxxxxxxx)"),
  ssoInstanceArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sso:::instance\/ssoins-[a-zA-Z0-9-.]{16}$/, "is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-…)"),
  identityStoreUsers: z.array(z.string().regex(/^\S{1,128}$/, "is not an Identity Store user name (1-128 characters, no spaces)")).default([]),
});
const { stack, identityStoreId, ssoInstanceArn: instanceArn } = config;
const team = { scope: stack.scope, team: stack.team };
// Identity Center is one per organization: its group and permission set names must differ between envs.
const organizationWideName = `${stack.team}-${stack.env}`;

// References: the central boundary every principal of the team carries.
const central = centralAi.reference({ stack: config.centralStack });
// A permission set names its boundary by path and name (each account holds its own policy): policy<path><name>.
const boundaryPolicy = central.permissionsBoundaryArn.apply(managedPolicyReference);

// Policies: the sagemaker-compute persona for the role jobs run as, the model-builder persona for people.
// The execution role's ARN is known from its name, so people's policies can pass exactly that role.
const executionRoleName = stack.names.resourceName("training-execution");
const resources: TeamResources = {
  executionRoles: [stack.arn.iam.role({ name: executionRoleName, path: stack.names.path })],
  datasetBuckets: config.datasetBuckets,
  artifactBuckets: config.artifactBuckets,
  ecrRepositories: config.ecrRepositories.map((name) => stack.arn.ecr.repository({ name })),
  vpc: {
    subnets: config.subnetIds.map((id) => stack.arn.ec2.subnet({ id })),
    securityGroups: config.securityGroupIds.map((id) => stack.arn.ec2.securityGroup({ id })),
  },
};
const trainingPolicy = teamManagedPolicy({
  stack,
  purpose: "training",
  description: "Training jobs: read datasets, write artifacts, pull the team's images, write logs, run in the team's VPC.",
  statements: sageMakerCompute(team, resources).execution.flatMap((policy) => policy.statements),
});
const accessPolicies = teamPersonaPolicies({
  stack,
  policies: modelBuilder(team, resources).access,
  purposePrefix: "access",
  describe: (name) => `Model builders' ${name} (model-builder persona); also attached to their permission set.`,
});

// Principals: the role SageMaker runs training as, and the one model builders assume with MFA.
const executionRole = new TeamRole({
  stack,
  purpose: "training-execution",
  description: "Assumed by SageMaker, for this account only, to run the model builders' jobs.",
  trust: [serviceTrust({ service: "sagemaker.amazonaws.com", account: stack.scope.account })],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { training: trainingPolicy.arn },
});
const accessRole = new TeamRole({
  stack,
  purpose: "access",
  description: "Assumed by model builders with MFA.",
  trust: [accountTrust({ ...stack.scope, requireMfa: true })],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: policyArns(accessPolicies),
});
new TeamGroup({ stack, members: config.users, assumableRoleArns: [accessRole.arn] });

// Identity Center: a group of the named users, and a permission set granting what the access role grants.
const identityStoreGroup = new IdentityStoreGroup(
  "identity-store-group",
  { identityStoreId, displayName: organizationWideName, description: `Model builders, with access to the ${stack.env} account.` },
  { deleteBeforeReplace: true },
);
for (const userName of config.identityStoreUsers) {
  const user = getUserOutput({
    identityStoreId,
    alternateIdentifier: { uniqueAttribute: { attributePath: "UserName", attributeValue: userName } },
  });
  new GroupMembership(`identity-store-member-${userName}`, { identityStoreId, groupId: identityStoreGroup.groupId, memberId: user.userId });
}
const permissionSet = new PermissionSet(
  "permission-set",
  {
    instanceArn,
    name: organizationWideName,
    description: `Model builders in the ${stack.env} account: the access role's policies, within the central boundary.`,
    // The same hour as the access role's sessions.
    sessionDuration: "PT1H",
  },
  { deleteBeforeReplace: true },
);
const boundaryAttachment = new PermissionsBoundaryAttachment("permission-set-boundary", {
  instanceArn,
  permissionSetArn: permissionSet.arn,
  permissionsBoundary: { customerManagedPolicyReference: boundaryPolicy },
});
// By name and path: the policies this stack creates are the ones in the one account the set is assigned to.
const policyAttachments = [...accessPolicies].map(
  ([name, policy]) =>
    new CustomerManagedPolicyAttachment(`permission-set-${name}`, {
      instanceArn,
      permissionSetArn: permissionSet.arn,
      customerManagedPolicyReference: { name: policy.name, path: stack.names.path },
    }),
);
// Assigning provisions the set's role in the account: never before its boundary and policies are attached.
new AccountAssignment(
  "account-assignment",
  {
    instanceArn,
    permissionSetArn: permissionSet.arn,
    principalType: "GROUP",
    principalId: identityStoreGroup.groupId,
    targetType: "AWS_ACCOUNT",
    targetId: stack.scope.account,
  },
  { dependsOn: [boundaryAttachment, ...policyAttachments] },
);

// Exports: the contract consumers read through their StackReference.
export = modelBuilders.outputs({
  accessRoleArn: accessRole.arn,
  executionRoleArn: executionRole.arn,
  policyArn: trainingPolicy.arn,
  identityStoreGroupId: identityStoreGroup.groupId,
  permissionSetArn: permissionSet.arn,
});
