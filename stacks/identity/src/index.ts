import { Provider } from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { identity, modelBuilders } from "@ml-iam/contracts";
import { accountId, identityCenterAccountProblems, IdentityCenterTeam, readStackConfig, readTeamsRegistry, StackConfigError, stackConfigFile, teamOfStack, z } from "@ml-iam/team-stack";

// The team stacks whose people sign in through Identity Center; each is read in every env it has.
const teamStacks = { "model-builders": modelBuilders } as const;
type IdentityTeam = keyof typeof teamStacks;

// Config: the account that administers Identity Center, the instance, and each team's people by user name.
const config = readStackConfig({
  managementAccount: accountId,
  delegatedAdminAccount: accountId.optional(),
  identityStoreId: z.string().regex(/^d-[0-9a-f]{10}$/, "is not an Identity Store id (d-xxxxxxxxxx)"),
  ssoInstanceArn: z.string().regex(/^arn:aws[a-z-]*:sso:::instance\/ssoins-[a-zA-Z0-9-.]{16}$/, "is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-…)"),
  teams: z.partialRecord(
    z.enum(Object.keys(teamStacks) as [IdentityTeam]),
    z.strictObject({ users: z.array(z.string().regex(/^\S{1,128}$/, "is not an Identity Store user name (1-128 characters, no spaces)")).default([]) }),
  ),
});
const { stack } = config;
const registry = readTeamsRegistry();
const teams = Object.entries(config.teams).map(([team, people]) => ({ team: team as IdentityTeam, users: people!.users, envs: teamOfStack(registry, team).envs }));

// References: each team stack in each of its envs, for the policies its people hold and the boundary around them.
const access = teams.map(({ team, users, envs }) => ({
  team,
  users,
  envs: envs.map((env) => {
    const outputs = teamStacks[team].reference({ env });
    return { env, peoplePolicyArns: outputs.peoplePolicyArns, permissionsBoundaryArn: outputs.permissionsBoundaryArn };
  }),
}));

// Identity Center answers only in the management or the delegated administrator account: refuse any other here,
// where the plan sees it, rather than in `pulumi up`; the env accounts are checked once the references resolve.
const refuseAccounts = (assigned: string[]) => {
  const problems = identityCenterAccountProblems(stack.scope.account, config, assigned);
  if (problems.length > 0) throw new StackConfigError(stack.team, stackConfigFile(stack.team, stack.env), problems);
};
refuseAccounts([]);
pulumi.all(access.flatMap(({ envs }) => envs.map((env) => env.permissionsBoundaryArn))).apply((arns) => refuseAccounts(arns.map((arn) => arn.split(":")[4]!)));
const provider = new Provider("identity-center", { region: stack.scope.region, allowedAccountIds: [stack.scope.account] });

// Principals: per team, a group of its people and a permission set per env, assigned in that env's account.
const identityCenterTeams = access.map(
  (team) => new IdentityCenterTeam({ ...team, identityStoreId: config.identityStoreId, instanceArn: config.ssoInstanceArn, provider }),
);

// Exports: where Identity Center is administered, and each team's group and permission sets.
export = identity.outputs({
  identityCenterAccount: stack.scope.account,
  instanceArn: config.ssoInstanceArn,
  groupIds: pulumi.all(Object.fromEntries(access.map(({ team }, index) => [team, identityCenterTeams[index]!.groupId]))),
  permissionSetArns: pulumi.all(
    Object.fromEntries(
      access.flatMap(({ team }, index) => Object.entries(identityCenterTeams[index]!.permissionSetArns).map(([env, arn]) => [`${team}/${env}`, arn])),
    ),
  ),
});
