import { expandActionPattern } from "../internal/service-catalog";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { teamPreviewRolePolicy, type TeamPreviewRolePolicyArgs } from "./preview-role-policy";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const platform = { path: "/ml-platform/", oidcProviderArn: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", managesOidcProvider: true };
const full: TeamPreviewRolePolicyArgs = { scope, team: "model-builders", env: "prod", stateBucket: "org-pulumi-state", readsStateOf: ["central-ai"] };

async function statementsOf(args: TeamPreviewRolePolicyArgs) {
  const [policy, ...more] = teamPreviewRolePolicy(args);
  expect(more).toEqual([]);
  return (await renderStatements(policy!.statements)).Statement;
}

describe("teamPreviewRolePolicy", () => {
  it.each<[string, TeamPreviewRolePolicyArgs]>([
    ["a team with Pulumi Cloud", { scope, team: "data-scientists", env: "dev" }],
    ["a team with an S3 backend", full],
    ["the central team", { scope, team: "central-ai", env: "dev", stateBucket: "org-pulumi-state", platform }],
  ])("passes every policy rule for %s", async (_, args) => {
    const [policy] = teamPreviewRolePolicy(args);
    expect(validatePolicy(await renderStatements(policy!.statements), { kind: "identity" })).toEqual([]);
  });

  it("allows only Read and List actions", async () => {
    const statements = await statementsOf(full);
    expect(statements.every((statement) => statement.Effect === "Allow")).toBe(true);
    const actions = statements.flatMap((statement) => ([] as string[]).concat(statement.Action ?? [])).flatMap((pattern) => expandActionPattern(pattern));
    expect(actions.length).toBeGreaterThan(50);
    const writes = actions.filter((action) => !["Read", "List"].includes(action.accessLevel)).map((action) => action.key);
    expect(writes).toEqual([]);
  });

  it("reads IAM only under the team's path, and its own and its upstream state only in its env", async () => {
    const statements = await statementsOf(full);
    expect(statements.find((statement) => statement.Sid === "ReadOwnIam")?.Resource).toEqual(
      ["group", "instance-profile", "policy", "role", "user"].map((kind) => `arn:aws:iam::111122223333:${kind}/ml/model-builders/*`),
    );
    expect(statements.find((statement) => statement.Sid === "ReadState")?.Resource).toEqual([
      "arn:aws:s3:::org-pulumi-state/.pulumi/meta.yaml",
      "arn:aws:s3:::org-pulumi-state/.pulumi/stacks/central-ai/prod.json*",
      "arn:aws:s3:::org-pulumi-state/.pulumi/stacks/model-builders/prod.json*",
    ]);
  });

  it("reads only the Studio user profiles tagged for the team, and changes none", async () => {
    const statements = await statementsOf(full);
    expect(statements.filter((statement) => JSON.stringify(statement.Resource).includes("user-profile"))).toEqual([
      {
        Sid: "ReadTeamStudioProfiles",
        Effect: "Allow",
        Action: ["sagemaker:DescribeUserProfile", "sagemaker:ListTags"],
        Resource: "arn:aws:sagemaker:us-east-1:111122223333:user-profile/*/model-builders-*",
        Condition: { StringEquals: { "aws:ResourceTag/team": "model-builders" } },
      },
    ]);
  });

  it("reads the delivery roles and the OIDC provider for the central team only", async () => {
    const central = await statementsOf({ scope, team: "central-ai", env: "dev", platform });
    expect(central[0]?.Resource).toEqual(expect.arrayContaining(["arn:aws:iam::111122223333:role/ml-platform/*", platform.oidcProviderArn]));
    const team = await statementsOf({ scope, team: "data-scientists", env: "dev" });
    expect(JSON.stringify(team)).not.toContain("ml-platform");
  });
});
