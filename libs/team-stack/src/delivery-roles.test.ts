import { arnBuilders } from "@ml-iam/iam";
import { deliveredTeams, deliveryConfigShape } from "./delivery-roles";
import type { TeamStack } from "./stack-config";
import { teamNames } from "./team-names";
import type { TeamsRegistry } from "./teams-registry";
import { z } from "zod";

const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };
const centralIn = (env: string): TeamStack => ({
  team: "central-ai",
  env,
  scope,
  arn: arnBuilders(scope),
  names: teamNames("central-ai", env, false),
  protect: env === "prod",
  repository: "example-org/ml-iam-platform",
});

const registry: TeamsRegistry = {
  platformTeam: "@example-org/ml-platform",
  teams: [
    { stack: "central-ai", githubTeam: "@example-org/ml-central-ai", envs: ["dev", "prod"] },
    { stack: "data-scientists", githubTeam: "@example-org/ml-data-scientists", envs: ["dev"] },
    { stack: "model-builders", githubTeam: "@example-org/ml-model-builders", envs: ["dev", "prod"] },
  ],
};

describe("deliveredTeams", () => {
  it("lists the team stacks that have the env, the central one included", () => {
    expect(deliveredTeams(centralIn("dev"), registry).map((delivered) => delivered.team)).toEqual(["central-ai", "data-scientists", "model-builders"]);
    expect(deliveredTeams(centralIn("prod"), registry).map((delivered) => delivered.team)).toEqual(["central-ai", "model-builders"]);
  });

  it("makes no roles for a platform stack in a workload account, whatever envs it lists", () => {
    const withIdentity: TeamsRegistry = { ...registry, teams: [...registry.teams, { stack: "identity", githubTeam: registry.platformTeam, envs: ["dev", "prod"], platform: true }] };
    expect(deliveredTeams(centralIn("dev"), withIdentity).map((delivered) => delivered.team)).toEqual(["central-ai", "data-scientists", "model-builders"]);
  });

  it("validates the delivery config keys", () => {
    const schema = z.strictObject(deliveryConfigShape);
    expect(schema.safeParse({ stateBucket: "Not_A_Bucket" }).success).toBe(false);
    expect(schema.safeParse({ githubOidcProviderArn: "token.actions.githubusercontent.com" }).success).toBe(false);
    // Identity Center is the identity stack's: central-ai's delivery config has no key for it.
    expect(schema.safeParse({ identityCenter: { identityStoreId: "d-9067a1b2c3", instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", teams: ["model-builders"] } }).success).toBe(false);
  });
});
