import { centralAi, modelBuilders } from "@ml-iam/contracts";
import { modelBuilder, sageMakerCompute } from "@ml-iam/iam";
import { policyArns, readStackConfig, TeamGroup, TeamUsers, teamPersonaPolicies, teamResources, teamResourcesConfigShape, teamAccessRole, teamServiceRole } from "@ml-iam/team-stack";

// Config: where the team's jobs read, write, pull and run (the keys every team uses), and who the model builders
// are as IAM users (the IAM group). Their Identity Center group and permission sets are the identity stack's.
const config = readStackConfig(teamResourcesConfigShape);
const { stack } = config;
const team = { scope: stack.scope, team: stack.team };

// References: the central boundary every principal of the team carries.
const central = centralAi.reference({ stack: config.centralStack });

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
const jobRole = teamServiceRole({
  stack,
  purpose: "job",
  service: "sagemaker.amazonaws.com",
  description: "Assumed by SageMaker, for this account only, to run the model builders' jobs and models.",
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { ...policyArns(policies.job), "datasets-read": central.datasetsReadPolicyArn },
});
const pipelineRole = teamServiceRole({
  stack,
  purpose: "pipeline",
  service: "sagemaker.amazonaws.com",
  description: "Assumed by SageMaker, for this account only, to run the model builders' pipelines.",
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: policyArns(policies.pipeline),
});
const accessRole = teamAccessRole({
  stack,
  description: "Assumed by model builders with MFA.",
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { ...policyArns(policies.access), "datasets-read": central.datasetsReadPolicyArn },
});
// People: the members who sign in as IAM users (a PGP-encrypted first password, no access keys), created here.
const users = new TeamUsers({ stack, names: config.members, pgpKeys: config.pgpKeys, permissionsBoundaryArn: central.permissionsBoundaryArn });
const group = new TeamGroup({ stack, members: users.names, assumableRoleArns: [accessRole.arn] });

// Exports: the contract consumers read through their StackReference.
export = modelBuilders.outputs({
  accessRoleArn: accessRole.arn,
  jobRoleArn: jobRole.arn,
  pipelineRoleArn: pipelineRole.arn,
  policyArn: policies.job.get("runtime")!.arn,
  groupName: group.name,
  // What people hold, whichever way they sign in: the access role here, the identity stack's permission sets.
  peoplePolicyArns: accessRole.managedPolicyArns,
  permissionsBoundaryArn: central.permissionsBoundaryArn,
});
