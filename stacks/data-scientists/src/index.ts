import { centralAi, dataScientists } from "@ml-iam/contracts";
import { accountTrust, personas, serviceTrust, type TeamResources } from "@ml-iam/iam";
import { bucketName, iamUserName, policyArns, readStackConfig, TeamGroup, teamPersonaPolicies, TeamRole, z } from "@ml-iam/team-stack";

// Config: the team's own datasets and artifacts, its Studio domain if it has one, and its people.
const { stack, centralStack, datasetBuckets, artifactBucket, studioDomainId, members } = readStackConfig({
  datasetBuckets: z.array(bucketName).min(1),
  artifactBucket: bucketName,
  studioDomainId: z.string().regex(/^d-[a-z0-9]+$/, "is not a SageMaker domain id (d-…)").optional(),
  members: z.array(iamUserName).default([]),
});
const team = { scope: stack.scope, team: stack.team };

// The central stack: the boundary every role carries, and the shared policies the team attaches.
const central = centralAi.reference({ stack: centralStack });

// Policies. The seed put one policy on SageMaker's role and on the people; here SageMaker's execution role
// and the people's access role each get their persona. The execution role's ARN follows from its name,
// so the people's policy can pass exactly that role.
const executionRoleArn = stack.arn.iam.role({ name: stack.names.resourceName("execution"), path: stack.names.path });
const resources: TeamResources = { executionRoles: [executionRoleArn], datasetBuckets, artifactBuckets: [artifactBucket], studioDomainId };
const executionPolicies = teamPersonaPolicies({
  stack,
  policies: personas["sagemaker-compute"](team, resources).execution,
  purposePrefix: "execution",
  describe: (name) => `SageMaker compute persona (${name}) of the jobs the data scientists run.`,
});
// Where the seed allowed sagemaker:* on anyone's notebook instances: the team's own jobs and Studio apps.
const accessPolicies = teamPersonaPolicies({
  stack,
  policies: personas["data-scientist"](team, resources).access,
  describe: (name) => `Data scientist persona (${name}): what people of the team do through the access role.`,
});

// Principals: SageMaker runs the jobs as the execution role; people assume the access role with MFA.
const executionRole = new TeamRole({
  stack,
  purpose: "execution",
  description: "Assumed by SageMaker to run the data scientists' jobs.",
  trust: [serviceTrust({ service: "sagemaker.amazonaws.com", account: stack.scope.account })],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: { ...policyArns(executionPolicies), "datasets-read": central.datasetsReadPolicyArn },
});
const accessRole = new TeamRole({
  stack,
  purpose: "access",
  description: "Assumed by data scientists with MFA.",
  trust: [accountTrust({ ...stack.scope, requireMfa: true })],
  permissionsBoundaryArn: central.permissionsBoundaryArn,
  managedPolicies: {
    ...policyArns(accessPolicies),
    "datasets-read": central.datasetsReadPolicyArn,
    "sagemaker-read-only": central.sagemakerReadOnlyPolicyArn,
  },
});
const group = new TeamGroup({ stack, members, assumableRoleArns: [accessRole.arn] });

// Exports: the studio-and-data policy is the seed's policy fixed (notebooks and dataset reads), so it is the team's policy.
export = dataScientists.outputs({
  accessRoleArn: accessRole.arn,
  executionRoleArn: executionRole.arn,
  policyArn: accessPolicies.get("studio-and-data")!.arn,
  groupName: group.name,
});
