import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import { findAction } from "../internal/service-catalog";
import type { StatementJson } from "../policy-json";
import { defaultQuotas, policyCharacterCount } from "../quotas";
import { renderPolicyJson, toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { ec2DistributedTraining, type Ec2DistributedTrainingArgs } from "./ec2-distributed-training";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "dml" };
const { ec2, iam } = arnBuilders(scope);
const arn = "arn:aws:ec2:us-east-1:111122223333";
const args: Ec2DistributedTrainingArgs = {
  images: [ec2.image({ id: "ami-0abc" })],
  subnets: [ec2.subnet({ id: "subnet-0a" }), ec2.subnet({ id: "subnet-0b" })],
  securityGroups: [ec2.securityGroup({ id: "sg-0c" })],
  instanceRoles: [iam.role({ name: "dml-execution", path: "/ml/dml/" })],
};

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

async function statementsWith(action: string, extra: Partial<Ec2DistributedTrainingArgs> = {}): Promise<StatementJson[]> {
  return (await render(ec2DistributedTraining(context, { ...args, ...extra }))).filter((s) => ([] as string[]).concat(s.Action ?? []).includes(action));
}

describe("ec2DistributedTraining", () => {
  it("launches instances only tagged for the team on creation, with IMDSv2, and their volumes, interfaces and Spot requests tagged too", async () => {
    const launches = await statementsWith("ec2:RunInstances");
    expect(launches.find((s) => s.Sid === "Ec2LaunchTeamInstances")).toEqual({
      Sid: "Ec2LaunchTeamInstances",
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: `${arn}:instance/*`,
      Condition: { StringEquals: { "aws:RequestTag/team": "dml", "ec2:MetadataHttpTokens": "required" } },
    });
    expect(launches.find((s) => s.Sid === "Ec2LaunchTeamVolumesInterfacesAndSpotRequests")).toEqual({
      Sid: "Ec2LaunchTeamVolumesInterfacesAndSpotRequests",
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: [`${arn}:network-interface/*`, `${arn}:spot-instances-request/*`, `${arn}:volume/*`],
      Condition: { StringEquals: { "aws:RequestTag/team": "dml" } },
    });
  });

  it("launches only the listed instance types when given, and any type when not", async () => {
    const launchCondition = async (extra: Partial<Ec2DistributedTrainingArgs>) =>
      (await statementsWith("ec2:RunInstances", extra)).find((s) => s.Sid === "Ec2LaunchTeamInstances")?.Condition;
    expect(await launchCondition({ instanceTypes: ["p4d.24xlarge", "p5.48xlarge"] })).toEqual({
      StringEquals: { "aws:RequestTag/team": "dml", "ec2:MetadataHttpTokens": "required", "ec2:InstanceType": ["p4d.24xlarge", "p5.48xlarge"] },
    });
    for (const unrestricted of [{}, { instanceTypes: [] }]) {
      expect(JSON.stringify(await launchCondition(unrestricted))).not.toContain("ec2:InstanceType");
    }
  });

  it("launches only from the given images into the given subnets and security groups", async () => {
    const shared = (await statementsWith("ec2:RunInstances")).find((s) => s.Sid === "Ec2LaunchFromTeamImagesAndNetwork");
    expect(shared).toEqual({
      Sid: "Ec2LaunchFromTeamImagesAndNetwork",
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: [`${arn}:security-group/sg-0c`, `${arn}:subnet/subnet-0a`, `${arn}:subnet/subnet-0b`, "arn:aws:ec2:us-east-1::image/ami-0abc"],
    });
  });

  it("adds key pairs and launch templates to the launch resources only when given", async () => {
    const shared = async (extra: Partial<Ec2DistributedTrainingArgs> = {}) =>
      (await statementsWith("ec2:RunInstances", extra)).find((s) => s.Sid === "Ec2LaunchFromTeamImagesAndNetwork");
    const withThem = await shared({ keyPairs: [ec2.keyPair({ name: "dml-admin" })], launchTemplates: [ec2.launchTemplate({ id: "lt-0d" })] });
    expect(withThem?.Resource).toEqual(expect.arrayContaining([`${arn}:key-pair/dml-admin`, `${arn}:launch-template/lt-0d`]));
    expect(JSON.stringify(await shared())).not.toMatch(/key-pair|launch-template/);
  });

  it("creates placement groups named and tagged for the team, and launches into or deletes only those it owns", async () => {
    const statements = await render(ec2DistributedTraining(context, args));
    const groups = `${arn}:placement-group/dml-*`;
    expect(statements.filter((s) => JSON.stringify(s.Resource).includes("placement-group") && s.Sid !== "Ec2TagOnLaunch")).toEqual([
      {
        Sid: "Ec2LaunchIntoTeamPlacementGroups",
        Effect: "Allow",
        Action: "ec2:RunInstances",
        Resource: groups,
        Condition: { StringEquals: { "aws:ResourceTag/team": "dml" } },
      },
      {
        Sid: "Ec2CreateTeamPlacementGroups",
        Effect: "Allow",
        Action: "ec2:CreatePlacementGroup",
        Resource: groups,
        Condition: { StringEquals: { "aws:RequestTag/team": "dml" } },
      },
      {
        Sid: "Ec2DeleteTeamPlacementGroups",
        Effect: "Allow",
        Action: "ec2:DeletePlacementGroup",
        Resource: groups,
        Condition: { StringEquals: { "aws:ResourceTag/team": "dml" } },
      },
    ]);
  });

  it("tags only as part of RunInstances or CreatePlacementGroup, so existing resources cannot be retagged into the team", async () => {
    expect(await statementsWith("ec2:CreateTags")).toEqual([
      {
        Sid: "Ec2TagOnLaunch",
        Effect: "Allow",
        Action: "ec2:CreateTags",
        Resource: [
          `${arn}:instance/*`,
          `${arn}:network-interface/*`,
          `${arn}:placement-group/dml-*`,
          `${arn}:spot-instances-request/*`,
          `${arn}:volume/*`,
        ],
        Condition: { StringEquals: { "ec2:CreateAction": ["CreatePlacementGroup", "RunInstances"] } },
      },
    ]);
  });

  it.each(["ec2:TerminateInstances", "ec2:StopInstances", "ec2:StartInstances", "ec2:RebootInstances"])(
    "allows %s only on instances tagged for the team",
    async (action) => {
      const statements = await statementsWith(action);
      expect(statements.map((s) => [s.Resource, s.Condition])).toEqual([
        [`${arn}:instance/*`, { StringEquals: { "aws:ResourceTag/team": "dml" } }],
      ]);
    },
  );

  it("describes on * only actions that have no resource-level permissions", async () => {
    const onAnyResource = (await render(ec2DistributedTraining(context, args))).filter((s) => s.Resource === "*");
    const actions = onAnyResource.flatMap((s) => ([] as string[]).concat(s.Action ?? []));
    expect(actions.every((action) => action.startsWith("ec2:Describe"))).toBe(true);
    expect(actions.filter((action) => (findAction(action)?.resourceTypes.length ?? 1) > 0)).toEqual([]);
  });

  it("passes the instance roles to EC2 only", async () => {
    expect(await statementsWith("iam:PassRole")).toEqual([
      {
        Sid: "Ec2PassInstanceRoles",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::111122223333:role/ml/dml/dml-execution",
        Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
      },
    ]);
  });

  it("passes every policy rule with no findings and fits a managed policy", async () => {
    const full = {
      ...args,
      keyPairs: [ec2.keyPair({ name: "dml-admin" })],
      launchTemplates: [ec2.launchTemplate({ id: "lt-0d" })],
      instanceTypes: ["p4d.24xlarge"],
    };
    const document = toPolicyJson((await resolve(pulumi.output(ec2DistributedTraining(context, full)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
    expect(policyCharacterCount(renderPolicyJson(document))).toBeLessThan(defaultQuotas.managedPolicyCharacters);
  });

  it.each(["images", "subnets", "securityGroups"] as const)("rejects an empty %s list, without which RunInstances is denied", (field) => {
    expect(() => ec2DistributedTraining(context, { ...args, [field]: [] })).toThrow(`at least one of ${field}`);
  });
});
