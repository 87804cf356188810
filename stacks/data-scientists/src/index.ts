import { UserProfile } from "@pulumi/aws/sagemaker";
import { centralAi, dataScientists } from "@ml-iam/contracts";
import { personas, studioUserProfileName } from "@ml-iam/iam";
import { readStackConfig, TeamGroup, TeamUsers, teamPersonaPolicies, teamResources, teamResourcesConfigShape, teamAccessRole, teamServiceRole, policyArns, z } from "@ml-iam/team-stack";

// Config: the team's datasets, artifacts, images, VPC and keys (the keys every team uses), its Studio domain, its people.
const config = readStackConfig({
  ...teamResourcesConfigShape,
  studioDomainId: z.string().regex(/^d-[a-z0-9]+$/, "is not a SageMaker domain id (d-…)"),
});
const { stack, centralStack } = config;
const team = { scope: stack.scope, team: stack.team };

// The central stack: the boundary every role carries, and the shared policies the team attaches.
const central = centralAi.reference({ stack: centralStack });

// Policies by role. The seed put one policy on SageMaker's role and on the people; here each role has its job:
// people (access), their notebooks (Studio), and the jobs and models they start (job). The job role's ARN
// follows from its name, so people and notebooks can pass exactly that role.
const jobRole = stack.arn.iam.role({ name: stack.names.resourceName("job"), path: stack.names.path });
const resources = teamResources({ stack, config, jobRoles: [jobRole] });
const dataScientist = personas["data-scientist"](team, resources);
const policies = {
  access: teamPersonaPolicies({ stack, policies: dataScientist.access ?? [], describe: (name) => `Data scientists (${name}): what people do through the access role.` }),
  studio: teamPersonaPolicies({ stack, policies: dataScientist.studio ?? [], purposePrefix: "studio", describe: (name) => `Data scientists' notebooks (${name}), as the Studio execution role.` }),
  job: teamPersonaPolicies({ stack, policies: personas["sagemaker-compute"](team, resources).job ?? [], purposePrefix: "job", describe: (name) => `The data scientists' jobs and models (${name}).` }),
};

// Principals: people assume the access role with MFA, tagging the session with who they are; Studio runs as the
// Studio role; SageMaker runs jobs and models as the job role. Each service role is SageMaker's, for this account only.
const boundary = central.permissionsBoundaryArn;
const accessRole = teamAccessRole({
  stack,
  description: "Assumed by data scientists with MFA.",
  permissionsBoundaryArn: boundary,
  managedPolicies: { ...policyArns(policies.access), "datasets-read": central.datasetsReadPolicyArn, "sagemaker-read-only": central.sagemakerReadOnlyPolicyArn },
});
const studioRole = teamServiceRole({
  stack,
  purpose: "studio",
  service: "sagemaker.amazonaws.com",
  description: "The Studio execution role of the data scientists' user profiles.",
  permissionsBoundaryArn: boundary,
  managedPolicies: { ...policyArns(policies.studio), "datasets-read": central.datasetsReadPolicyArn },
});
const jobRoleResource = teamServiceRole({
  stack,
  purpose: "job",
  service: "sagemaker.amazonaws.com",
  description: "Assumed by SageMaker to run the data scientists' jobs and models.",
  permissionsBoundaryArn: boundary,
  managedPolicies: { ...policyArns(policies.job), "datasets-read": central.datasetsReadPolicyArn },
});
// People: the members who sign in as IAM users (a PGP-encrypted first password, no access keys), created here.
const users = new TeamUsers({ stack, names: config.members, pgpKeys: config.pgpKeys, permissionsBoundaryArn: boundary });
const group = new TeamGroup({ stack, members: users.names, assumableRoleArns: [accessRole.arn] });
// One Studio profile per person, `<team>-<person>`, tagged with both, running as the Studio role.
for (const person of config.members) {
  new UserProfile(`studio-${person}`, {
    domainId: config.studioDomainId,
    userProfileName: studioUserProfileName(stack.team, person),
    userSettings: { executionRole: studioRole.arn },
    tags: { team: stack.team, person },
  });
}

// Exports: the studio-and-data policy is the seed's policy fixed (notebooks and dataset reads), so it is the team's policy.
export = dataScientists.outputs({
  accessRoleArn: accessRole.arn,
  studioRoleArn: studioRole.arn,
  jobRoleArn: jobRoleResource.arn,
  policyArn: policies.access.get("studio-and-data")!.arn,
  peoplePolicyArns: accessRole.managedPolicyArns,
  permissionsBoundaryArn: boundary,
  groupName: group.name,
});
