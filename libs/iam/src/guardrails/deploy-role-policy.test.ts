import type { StatementJson } from "../policy-json";
import { expandActionPattern } from "../internal/service-catalog";
import { policyCharacterCount } from "../quotas";
import { renderPolicyJson } from "../render-policy";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { teamDeployRolePolicy, type TeamDeployRolePolicyArgs } from "./deploy-role-policy";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const arn = (resource: string) => `arn:aws:iam::111122223333:${resource}`;
const boundaryArn = arn("policy/ml/central-ai/central-ai-team-boundary");
const sharedPolicyArns = [arn("policy/ml/central-ai/central-ai-datasets-read"), arn("policy/ml/central-ai/central-ai-sagemaker-read-only")];
const platform = { path: "/ml-platform/", oidcProviderArn: arn("oidc-provider/token.actions.githubusercontent.com"), managesOidcProvider: true };
const base: TeamDeployRolePolicyArgs = { scope, team: "data-scientists", env: "dev", boundaryArn, sharedPolicyArns };

async function rendered(args: TeamDeployRolePolicyArgs): Promise<{ name: string; statements: StatementJson[] }[]> {
  return Promise.all(
    teamDeployRolePolicy(args).map(async (policy) => ({ name: policy.name, statements: (await renderStatements(policy.statements)).Statement })),
  );
}

const statement = (policies: { statements: StatementJson[] }[], sid: string) => policies.flatMap((policy) => policy.statements).find((s) => s.Sid === sid);

describe("teamDeployRolePolicy", () => {
  it.each<[string, Partial<TeamDeployRolePolicyArgs>]>([
    ["a team", {}],
    ["a team with an S3 state backend", { stateBucket: "org-pulumi-state", readsStateOf: ["central-ai"] }],
    ["the central team", { team: "central-ai", stateBucket: "org-pulumi-state", platform }],
  ])("passes every policy rule and fits the managed-policy quota for %s", async (_, extra) => {
    for (const policy of teamDeployRolePolicy({ ...base, ...extra })) {
      const document = await renderStatements(policy.statements);
      expect([policy.name, validatePolicy(document, { kind: "identity" })]).toEqual([policy.name, []]);
      expect(policyCharacterCount(renderPolicyJson(document))).toBeLessThanOrEqual(6144);
    }
  });

  it("creates roles and users only under the team's path, with the central boundary and the team's tag", async () => {
    expect(statement(await rendered(base), "CreatePrincipalsWithTheBoundaryAndTeamTag")).toEqual({
      Sid: "CreatePrincipalsWithTheBoundaryAndTeamTag",
      Effect: "Allow",
      Action: ["iam:CreateRole", "iam:CreateUser"],
      Resource: [arn("role/ml/data-scientists/*"), arn("user/ml/data-scientists/*")],
      Condition: { StringEquals: { "aws:RequestTag/team": "data-scientists", "iam:PermissionsBoundary": boundaryArn } },
    });
  });

  it("attaches only the team's own policies and exactly the shared ones", async () => {
    expect(statement(await rendered(base), "AttachOwnAndSharedPolicies")?.Condition).toEqual({
      ArnLike: { "iam:PolicyARN": [arn("policy/ml/data-scientists/*"), ...sharedPolicyArns].sort() },
    });
  });

  it("passes the team's roles to SageMaker and EC2 only, or to the services given", async () => {
    expect(statement(await rendered(base), "PassOwnRolesToTeamServices")).toMatchObject({
      Resource: arn("role/ml/data-scientists/*"),
      Condition: { StringEquals: { "iam:PassedToService": ["ec2.amazonaws.com", "sagemaker.amazonaws.com"] } },
    });
    const narrowed = await rendered({ ...base, executionRolePath: "/ml/data-scientists/jobs/", passRoleServices: ["sagemaker.amazonaws.com"] });
    expect(statement(narrowed, "PassOwnRolesToTeamServices")).toMatchObject({
      Resource: arn("role/ml/data-scientists/jobs/*"),
      Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
    });
  });

  it("denies writes outside the team's paths, boundary removal and any other boundary", async () => {
    const policies = await rendered(base);
    expect(statement(policies, "IamWritesOnlyUnderOwnPaths")).toMatchObject({
      Effect: "Deny",
      NotResource: ["group", "instance-profile", "policy", "role", "user"].map((kind) => arn(`${kind}/ml/data-scientists/*`)),
    });
    expect(statement(policies, "NoBoundaryRemoval")).toMatchObject({ Effect: "Deny", Resource: "*" });
    expect(statement(policies, "NoOtherBoundary")).toMatchObject({
      Effect: "Deny",
      Resource: "*",
      Condition: { StringNotEquals: { "iam:PermissionsBoundary": boundaryArn } },
    });
  });

  it("never grants access keys, other long-term credentials, user policies or STS to a team", async () => {
    const actions = (await rendered(base)).flatMap((policy) => policy.statements).filter((s) => s.Effect === "Allow").flatMap((s) => ([] as string[]).concat(s.Action ?? []));
    const writes = actions.flatMap((pattern) => expandActionPattern(pattern)).filter((action) => !/^(Read|List)$/.test(action.accessLevel));
    const granted = writes.map((action) => action.key);
    expect(granted.filter((action) => /AccessKey|ServiceSpecificCredential|SSHPublicKey|SigningCertificate|UpdateLoginProfile|UserPolicy|^sts:/.test(action))).toEqual([]);
  });

  it("manages its own users' login profiles, which AWS encrypts to each user's PGP key, and nobody else's", async () => {
    const manage = statement(await rendered(base), "ManageOwnIam");
    expect(manage?.Action).toEqual(expect.arrayContaining(["iam:CreateLoginProfile", "iam:DeleteLoginProfile", "iam:DeleteUser"]));
    expect(manage?.Resource).toContain(arn("user/ml/data-scientists/*"));
    expect(manage?.Resource).not.toContain(arn("user/*"));
  });

  it("reads and writes only its own env's state, reads the upstream checkpoints, and has no S3 access with Pulumi Cloud", async () => {
    const cloud = await rendered(base);
    expect(cloud.map((policy) => policy.name)).toEqual(["iam", "services"]);
    expect(cloud.flatMap((policy) => policy.statements).flatMap((s) => ([] as string[]).concat(s.Action ?? [])).filter((a) => a.startsWith("s3:"))).toEqual([]);
    const policies = await rendered({ ...base, stateBucket: "org-pulumi-state", readsStateOf: ["central-ai"] });
    const object = (key: string) => `arn:aws:s3:::org-pulumi-state/.pulumi/${key}`;
    expect(statement(policies, "ReadAndWriteOwnState")?.Resource).toEqual(
      [
        "stacks/data-scientists/dev.json*",
        "history/data-scientists/dev/*",
        "backups/data-scientists/dev/*",
        "journal/data-scientists/dev/*",
        "locks/data-scientists/dev/*",
      ]
        .map(object)
        .sort(),
    );
    expect(statement(policies, "ReadState")?.Resource).toEqual([object("meta.yaml"), object("stacks/central-ai/dev.json*")]);
  });

  it("grants no Identity Store or Identity Center action: the organization's identity is the identity stack's", async () => {
    for (const extra of [{}, { team: "central-ai", stateBucket: "org-pulumi-state", platform }]) {
      const actions = (await rendered({ ...base, ...extra })).flatMap((policy) => policy.statements.filter((s) => s.Effect === "Allow").flatMap((s) => ([] as string[]).concat(s.Action ?? [])));
      expect(actions.filter((action) => /^(identitystore|sso|sso-directory|identitystore-auth):/.test(action) || action === "*")).toEqual([]);
    }
  });

  it("creates the team's Studio user profiles tagged for it, and changes or reads only profiles that carry its tag", async () => {
    const profiles = "arn:aws:sagemaker:us-east-1:111122223333:user-profile/*/data-scientists-*";
    const owned = { StringEquals: { "aws:ResourceTag/team": "data-scientists" } };
    const policies = await rendered(base);
    expect(statement(policies, "ReadTeamStudioProfiles")).toEqual({
      Sid: "ReadTeamStudioProfiles",
      Effect: "Allow",
      Action: ["sagemaker:DescribeUserProfile", "sagemaker:ListTags"],
      Resource: profiles,
      Condition: owned,
    });
    expect(statement(policies, "CreateTeamStudioProfiles")).toEqual({
      Sid: "CreateTeamStudioProfiles",
      Effect: "Allow",
      Action: "sagemaker:CreateUserProfile",
      Resource: profiles,
      Condition: { StringEquals: { "aws:RequestTag/team": "data-scientists" } },
    });
    expect(statement(policies, "TagTeamStudioProfilesOnCreate")?.Condition).toEqual({
      StringEquals: { "aws:RequestTag/team": "data-scientists", "sagemaker:TaggingAction": "CreateUserProfile" },
    });
    expect(statement(policies, "ManageTeamStudioProfiles")).toMatchObject({
      Action: ["sagemaker:AddTags", "sagemaker:DeleteTags", "sagemaker:DeleteUserProfile", "sagemaker:UpdateUserProfile"],
      Resource: profiles,
      Condition: owned,
    });
  });

  it("lets the central team manage the delivery roles and the OIDC provider, which the team deploy roles cannot reach", async () => {
    const central = await rendered({ ...base, team: "central-ai", platform });
    expect(central.map((policy) => policy.name)).toEqual(["iam", "platform", "services"]);
    expect(statement(central, "IamWritesOnlyUnderOwnPaths")?.NotResource).toEqual(
      expect.arrayContaining([arn("role/ml-platform/*"), arn("policy/ml-platform/*"), platform.oidcProviderArn]),
    );
    expect(statement(central, "ManageGithubOidcProvider")?.Resource).toBe(platform.oidcProviderArn);
    // The delivery roles carry no boundary (the central team's edit it): only they are exempt from it.
    expect(statement(central, "NoOtherBoundary")).toMatchObject({ NotResource: arn("role/ml-platform/*") });
    const adopted = await rendered({ ...base, team: "central-ai", platform: { ...platform, managesOidcProvider: false } });
    expect(statement(adopted, "ManageGithubOidcProvider")).toBeUndefined();
  });

  it.each<[string, Partial<TeamDeployRolePolicyArgs>, RegExp]>([
    ["a team that is no kebab-case name", { team: "Data_Scientists" }, /team must be kebab-case/],
    ["an execution role path outside the team's", { executionRolePath: "/ml/model-builders/" }, /executionRolePath must be the team's path \/ml\/data-scientists\//],
    ["a platform path under /ml/", { team: "central-ai", platform: { ...platform, path: "/ml/platform/" } }, /outside \/ml\//],
  ])("rejects %s", (_, extra, message) => {
    expect(() => teamDeployRolePolicy({ ...base, ...extra })).toThrow(message);
  });
});
