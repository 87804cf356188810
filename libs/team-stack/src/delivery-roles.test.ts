import { arnBuilders } from "@ml-iam/iam";
import { deliveredTeams, deliveryConfigShape, type DeliveryConfig } from "./delivery-roles";
import type { TeamStack } from "./stack-config";
import { StackConfigError } from "./stack-config-error";
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
const identityCenter = { identityStoreId: "d-9067a1b2c3", instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6" };

describe("deliveredTeams", () => {
  it("lists the team stacks that have the env, the central one included", () => {
    expect(deliveredTeams(centralIn("dev"), {}, registry).map((delivered) => delivered.team)).toEqual(["central-ai", "data-scientists", "model-builders"]);
    expect(deliveredTeams(centralIn("prod"), {}, registry).map((delivered) => delivered.team)).toEqual(["central-ai", "model-builders"]);
  });

  it("makes no roles for a platform stack in a workload account, whatever envs it lists", () => {
    const withIdentity: TeamsRegistry = { ...registry, teams: [...registry.teams, { stack: "identity", githubTeam: registry.platformTeam, envs: ["dev", "prod"], platform: true }] };
    expect(deliveredTeams(centralIn("dev"), {}, withIdentity).map((delivered) => delivered.team)).toEqual(["central-ai", "data-scientists", "model-builders"]);
  });

  it("gives Identity Center only to the teams the config names", () => {
    const config: DeliveryConfig = { identityCenter: { ...identityCenter, teams: ["model-builders"] } };
    expect(deliveredTeams(centralIn("prod"), config, registry)).toEqual([{ team: "central-ai" }, { team: "model-builders", identityCenter }]);
  });

  it("names the config key of an Identity Center team that is not delivered in the env", () => {
    const config: DeliveryConfig = { identityCenter: { ...identityCenter, teams: ["model-builders", "data-scientists"] } };
    const error = (() => {
      try {
        deliveredTeams(centralIn("prod"), config, registry);
      } catch (thrown) {
        return thrown as StackConfigError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(StackConfigError);
    expect(error?.file).toBe("stacks/central-ai/Pulumi.prod.yaml");
    expect(error?.problems).toEqual([
      { key: "central-ai:identityCenter.teams[1]", problem: "data-scientists is not a team stack with the env prod in libs/team-stack/teams.json" },
    ]);
  });

  it("validates the delivery config keys", () => {
    const schema = z.strictObject(deliveryConfigShape);
    expect(schema.safeParse({ stateBucket: "Not_A_Bucket" }).success).toBe(false);
    expect(schema.safeParse({ githubOidcProviderArn: "token.actions.githubusercontent.com" }).success).toBe(false);
    expect(schema.safeParse({ identityCenter: { ...identityCenter, teams: [] } }).success).toBe(false);
    expect(schema.safeParse({ identityCenter: { ...identityCenter, teams: ["model-builders"] } }).success).toBe(true);
  });
});
