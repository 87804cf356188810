import { Provider } from "@pulumi/aws";
import { InstanceAccessControlAttributes } from "@pulumi/aws/ssoadmin";
import * as pulumi from "@pulumi/pulumi";
import { identity, peopleAccessOf } from "@ml-iam/contracts";
import { teamTagKey } from "@ml-iam/iam";
import {
  accountId,
  accountOfPolicyArn,
  identityCenterAccountProblems,
  identityCenterPeopleProblems,
  IdentityCenterTeam,
  readStackConfig,
  readTeamsRegistry,
  StackConfigError,
  stackConfigFile,
  teamName,
  teamOfStack,
  z,
} from "@ml-iam/team-stack";

// Config: the account that administers Identity Center, the instance, where a person's team comes from, and each
// team's people by Identity Store user name.
const config = readStackConfig({
  managementAccount: accountId,
  delegatedAdminAccount: accountId.optional(),
  identityStoreId: z.string().regex(/^d-[0-9a-f]{10}$/, "is not an Identity Store id (d-xxxxxxxxxx)"),
  ssoInstanceArn: z.string().regex(/^arn:aws[a-z-]*:sso:::instance\/ssoins-[a-zA-Z0-9-.]{16}$/, "is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-…)"),
  teamAttributeSource: z.string().regex(/^\$\{path:[^}]+\}$/, "is not an Identity Center attribute path (${path:enterprise.department})").default("${path:enterprise.department}"),
  teams: z.record(teamName, z.strictObject({ users: z.array(z.string().regex(/^\S{1,128}$/, "is not an Identity Store user name (1-128 characters, no spaces)")).default([]) })),
});
const { stack } = config;
const registry = readTeamsRegistry();
const refuse = (problems: { key: string; problem: string }[]) => {
  if (problems.length > 0) throw new StackConfigError(stack.team, stackConfigFile(stack.team, stack.env), problems);
};
refuse([
  ...Object.keys(config.teams)
    .filter((team) => teamOfStack(registry, team).platform)
    .map((team) => ({ key: `identity:teams.${team}`, problem: "is a platform stack, whose people are no team" })),
  ...identityCenterPeopleProblems(config.teams),
]);

// References: each team stack in each of its envs, for the policies its people hold and the boundary around them.
const teams = Object.entries(config.teams).map(([team, { users }]) => ({
  team,
  users,
  envs: teamOfStack(registry, team).envs.map((env) => {
    const outputs = peopleAccessOf(team).reference({ env });
    return { env, peoplePolicyArns: outputs.peoplePolicyArns, permissionsBoundaryArn: outputs.permissionsBoundaryArn };
  }),
}));

// Identity Center answers only in the management or the delegated administrator account: refuse any other here,
// where the plan sees it, rather than in `pulumi up`; the env accounts are checked once the references resolve.
refuse(identityCenterAccountProblems(stack.scope.account, config, []));
pulumi
  .all(teams.flatMap(({ envs }) => envs.map((env) => env.permissionsBoundaryArn)))
  .apply((arns) => refuse(identityCenterAccountProblems(stack.scope.account, config, arns.map(accountOfPolicyArn))));
const provider = new Provider("identity-center", { region: stack.scope.region, allowedAccountIds: [stack.scope.account] });

// Every session carries its person's team as the `team` tag (aws:PrincipalTag/team), which the boundary and the
// team's policies key on, as an access role's sessions do.
new InstanceAccessControlAttributes(
  "team-attribute",
  { instanceArn: config.ssoInstanceArn, attributes: [{ key: teamTagKey, values: [{ sources: [config.teamAttributeSource] }] }] },
  { provider },
);

// Principals: per team, a group of its people and a permission set per env, assigned in that env's account.
const identityCenterTeams = teams.map((team) => new IdentityCenterTeam({ ...team, identityStoreId: config.identityStoreId, instanceArn: config.ssoInstanceArn, provider }));

// Exports: where Identity Center is administered, and each team's group and permission sets.
export = identity.outputs({
  identityCenterAccount: stack.scope.account,
  instanceArn: config.ssoInstanceArn,
  groupIds: pulumi.all(Object.fromEntries(teams.map(({ team }, index) => [team, identityCenterTeams[index]!.groupId]))),
  permissionSetArns: pulumi.all(
    Object.fromEntries(teams.flatMap(({ team }, index) => Object.entries(identityCenterTeams[index]!.permissionSetArns).map(([env, arn]) => [`${team}/${env}`, arn]))),
  ),
});
