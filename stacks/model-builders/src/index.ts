import * as pulumi from "@pulumi/pulumi";
import { getUserOutput, Group as IdentityStoreGroup, GroupMembership } from "@pulumi/aws/identitystore";
import {
  AccountAssignment,
  CustomerManagedPolicyAttachment,
  PermissionsBoundaryAttachment,
  PermissionSet,
} from "@pulumi/aws/ssoadmin";
import { centralAi, modelBuilders } from "@ml-iam/contracts";
import { accountTrust, managedPolicyReference, modelBuilder, personSessionTrust, sageMakerCompute, serviceTrust } from "@ml-iam/iam";
import { policyArns, readStackConfig, TeamGroup, teamPersonaPolicies, teamResources, teamResourcesConfigShape, TeamRole, z } from "@ml-iam/team-stack";

// Config: where the team's jobs read, write, pull and run (the keys every team uses), and who the model builders
// are, as IAM users (the IAM group) and as IAM Identity Center users (the permission set).
const config = readStackConfig({
  ...teamResourcesConfigShape,
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

// Policies by role: people (access and permission set), the jobs and models they start (job), the pipelines
// they run (pipeline). Role ARNs follow from their names, so people pass exactly these roles.
const jobRoleArn = stack.arn.iam.role({ name: stack.names.resourceName("job"), path: stack.names.path });
const pipelineRoleArn = stack.arn.iam.role({ name: stack.names.resourceName("pipeline"), path: stack.names.path });
const resources = teamResources({ stack, config, jobRoles: [jobRoleArn], pipelineRoles: [pipelineRoleArn] });
const builder = modelBuilder(team, resources);
const policies = {
  access: teamPersonaPolicies({ stack, policies: builder.access ?? [], purposePrefix: "access", describe: (name) => `Model builders' ${name} (model-builder persona); also attached to their permission set.` }),
  job: teamPersonaPolicies({ stack, policies: sageMakerCompute(team, resources).job ?? [], purposePrefix: "job", describe: (name) => `The model builders' jobs and models (${name}).` }),
  pipeline: teamPersonaPolicies({ stack, policies: builder.pipeline ?? [], purposePrefix: "pipeline", describe: (name) => `The model builders' pipelines (${name}).` }),
};

// Principals: SageMaker runs jobs and models as the job role and pipelines as the pipeline role, for this account
// only; model builders assume the access role with MFA, tagging the session with who they are.
const sageMakerTrust = [serviceTrust({ service: "sagemaker.amazonaws.com", account: stack.scope.account })];
const jobRole = new TeamRole({
  stack,
  purpose: "job",
  description: "Assumed by SageMaker, for this account only, to run the model builders' jobs and models.",
  trust: sageMakerTrust,
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { ...policyArns(policies.job), "datasets-read": central.datasetsReadPolicyArn },
});
const pipelineRole = new TeamRole({
  stack,
  purpose: "pipeline",
  description: "Assumed by SageMaker, for this account only, to run the model builders' pipelines.",
  trust: sageMakerTrust,
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: policyArns(policies.pipeline),
});
const accessRole = new TeamRole({
  stack,
  purpose: "access",
  description: "Assumed by model builders with MFA.",
  trust: [accountTrust({ ...stack.scope, requireMfa: true }), personSessionTrust(stack.scope)],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { ...policyArns(policies.access), "datasets-read": central.datasetsReadPolicyArn },
});
new TeamGroup({ stack, members: config.members, assumableRoleArns: [accessRole.arn] });

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
// By name and path: the policies this stack creates, and the shared datasets-read policy, are the ones in the
// one account the set is assigned to.
const policyAttachments = [
  ...[...policies.access].map(
    ([name, policy]) =>
      new CustomerManagedPolicyAttachment(`permission-set-${name}`, {
        instanceArn,
        permissionSetArn: permissionSet.arn,
        customerManagedPolicyReference: { name: policy.name, path: stack.names.path },
      }),
  ),
  new CustomerManagedPolicyAttachment("permission-set-datasets-read", {
    instanceArn,
    permissionSetArn: permissionSet.arn,
    customerManagedPolicyReference: central.datasetsReadPolicyArn.apply(managedPolicyReference),
  }),
];
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
  jobRoleArn: jobRole.arn,
  pipelineRoleArn: pipelineRole.arn,
  policyArn: policies.job.get("runtime")!.arn,
  identityStoreGroupId: identityStoreGroup.groupId,
  permissionSetArn: permissionSet.arn,
  peoplePolicyArns: pulumi.all([...Object.values(policyArns(policies.access)), central.datasetsReadPolicyArn]),
  permissionsBoundaryArn: central.permissionsBoundaryArn,
});
