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
  it("launches instances only tagged for the team on creation, with IMDSv2, and their volumes and interfaces tagged too", async () => {
    const [instances, volumesAndInterfaces] = await statementsWith("ec2:RunInstances");
    expect(instances).toEqual({
      Sid: "Ec2LaunchTeamInstances",
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: `${arn}:instance/*`,
      Condition: { StringEquals: { "aws:RequestTag/team": "dml", "ec2:MetadataHttpTokens": "required" } },
    });
    expect(volumesAndInterfaces).toEqual({
      Sid: "Ec2LaunchTeamVolumesAndInterfaces",
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: [`${arn}:network-interface/*`, `${arn}:volume/*`],
      Condition: { StringEquals: { "aws:RequestTag/team": "dml" } },
    });
  });

  it("launches only from the given images into the given subnets and security groups", async () => {
    const [, , shared] = await statementsWith("ec2:RunInstances");
    expect(shared).toEqual({
      Sid: "Ec2LaunchFromTeamImagesAndNetwork",
      Effect: "Allow",
      Action: "ec2:RunInstances",
      Resource: [`${arn}:security-group/sg-0c`, `${arn}:subnet/subnet-0a`, `${arn}:subnet/subnet-0b`, "arn:aws:ec2:us-east-1::image/ami-0abc"],
    });
  });

  it("adds key pairs and launch templates to the launch resources only when given", async () => {
    const [, , shared] = await statementsWith("ec2:RunInstances", {
      keyPairs: [ec2.keyPair({ name: "dml-admin" })],
      launchTemplates: [ec2.launchTemplate({ id: "lt-0d" })],
    });
    expect(shared?.Resource).toEqual(expect.arrayContaining([`${arn}:key-pair/dml-admin`, `${arn}:launch-template/lt-0d`]));
    const [, , withoutThem] = await statementsWith("ec2:RunInstances");
    expect(JSON.stringify(withoutThem)).not.toMatch(/key-pair|launch-template/);
  });

  it("tags only as part of RunInstances, so existing instances cannot be retagged into the team", async () => {
    expect(await statementsWith("ec2:CreateTags")).toEqual([
      {
        Sid: "Ec2TagOnLaunch",
        Effect: "Allow",
        Action: "ec2:CreateTags",
        Resource: [`${arn}:instance/*`, `${arn}:network-interface/*`, `${arn}:volume/*`],
        Condition: { StringEquals: { "ec2:CreateAction": "RunInstances" } },
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
    const full = { ...args, keyPairs: [ec2.keyPair({ name: "dml-admin" })], launchTemplates: [ec2.launchTemplate({ id: "lt-0d" })] };
    const document = toPolicyJson((await resolve(pulumi.output(ec2DistributedTraining(context, full)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
    expect(policyCharacterCount(renderPolicyJson(document))).toBeLessThan(defaultQuotas.managedPolicyCharacters);
  });

  it.each(["images", "subnets", "securityGroups"] as const)("rejects an empty %s list, without which RunInstances is denied", (field) => {
    expect(() => ec2DistributedTraining(context, { ...args, [field]: [] })).toThrow(`at least one of ${field}`);
  });
});
