import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { vpcNetworkInterfaces } from "./vpc-network-interfaces";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { ec2 } = arnBuilders(scope);
const network = {
  subnets: [ec2.subnet({ id: "subnet-0a" }), ec2.subnet({ id: "subnet-0b" })],
  securityGroups: [ec2.securityGroup({ id: "sg-0c" })],
};
const arn = "arn:aws:ec2:us-east-1:111122223333";

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("vpcNetworkInterfaces", () => {
  it("creates network interfaces only in the given subnets and security groups", async () => {
    const [create] = await render(vpcNetworkInterfaces(context, network));
    expect(create).toEqual({
      Sid: "VpcCreateNetworkInterfaces",
      Effect: "Allow",
      Action: "ec2:CreateNetworkInterface",
      Resource: [`${arn}:network-interface/*`, `${arn}:security-group/sg-0c`, `${arn}:subnet/subnet-0a`, `${arn}:subnet/subnet-0b`],
    });
  });

  it("deletes and authorizes only interfaces in the given subnets, the one fence of the permission SageMaker asks for", async () => {
    const statements = await render(vpcNetworkInterfaces(context, network));
    const inSubnets = { ArnEquals: { "ec2:Subnet": [`${arn}:subnet/subnet-0a`, `${arn}:subnet/subnet-0b`] } };
    expect(statements.slice(1, 3)).toEqual([
      {
        Sid: "VpcManageNetworkInterfaces",
        Effect: "Allow",
        Action: ["ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"],
        Resource: `${arn}:network-interface/*`,
        Condition: inSubnets,
      },
      {
        Sid: "VpcAuthorizeSageMaker",
        Effect: "Allow",
        Action: "ec2:CreateNetworkInterfacePermission",
        Resource: `${arn}:network-interface/*`,
        Condition: inSubnets,
      },
    ]);
  });

  it("describes on * only actions without resource-level permissions", async () => {
    const statements = await render(vpcNetworkInterfaces(context, network));
    expect(statements.filter((s) => s.Resource === "*").flatMap((s) => s.Action)).toEqual([
      "ec2:DescribeDhcpOptions",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
    ]);
  });

  it("uses condition keys that the actions of each statement support, passing every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(vpcNetworkInterfaces(context, network)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("rejects a network without subnets or security groups", () => {
    expect(() => vpcNetworkInterfaces(context, { ...network, subnets: [] })).toThrow(/at least one subnet/);
    expect(() => vpcNetworkInterfaces(context, { ...network, securityGroups: [] })).toThrow(/at least one security group/);
  });
});
