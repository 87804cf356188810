import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { manageEndpoints } from "./manage-endpoints";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const prefix = "arn:aws:sagemaker:us-east-1:111122223333";
const teamEndpoints = [`${prefix}:endpoint-config/ds-*`, `${prefix}:endpoint/ds-*`];

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("manageEndpoints", () => {
  it("creates endpoint configs and endpoints only named for the team and with the team tag", async () => {
    const statements = await render(manageEndpoints(context));
    expect(statements.find((s) => s.Sid === "EndpointsCreate")).toEqual({
      Sid: "EndpointsCreate",
      Effect: "Allow",
      Action: ["sagemaker:CreateEndpoint", "sagemaker:CreateEndpointConfig"],
      Resource: teamEndpoints,
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
  });

  it("creates and updates endpoints only from endpoint configs tagged for the team", async () => {
    const statements = await render(manageEndpoints(context));
    expect(statements.find((s) => s.Sid === "EndpointsUseTeamConfigs")).toEqual({
      Sid: "EndpointsUseTeamConfigs",
      Effect: "Allow",
      Action: ["sagemaker:CreateEndpoint", "sagemaker:UpdateEndpoint"],
      Resource: `${prefix}:endpoint-config/ds-*`,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("updates, invokes and deletes only endpoints tagged for the team", async () => {
    const statements = await render(manageEndpoints(context));
    expect(statements.find((s) => s.Sid === "EndpointsManageAndInvoke")).toEqual({
      Sid: "EndpointsManageAndInvoke",
      Effect: "Allow",
      Action: [
        "sagemaker:DeleteEndpoint",
        "sagemaker:DeleteEndpointConfig",
        "sagemaker:DescribeEndpoint",
        "sagemaker:DescribeEndpointConfig",
        "sagemaker:InvokeEndpoint",
        "sagemaker:InvokeEndpointAsync",
        "sagemaker:UpdateEndpoint",
        "sagemaker:UpdateEndpointWeightsAndCapacities",
      ],
      Resource: teamEndpoints,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("tags only while creating, and lists on * only", async () => {
    const statements = await render(manageEndpoints(context));
    expect(statements.find((s) => s.Sid === "EndpointsTagOnCreate")?.Condition).toEqual({
      StringEquals: { "aws:RequestTag/team": "ds", "sagemaker:TaggingAction": ["CreateEndpoint", "CreateEndpointConfig"] },
    });
    expect(statements.filter((s) => s.Resource === "*").map((s) => s.Action)).toEqual([
      ["sagemaker:ListEndpointConfigs", "sagemaker:ListEndpoints"],
    ]);
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(manageEndpoints(context)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
