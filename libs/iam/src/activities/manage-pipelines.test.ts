import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { managePipelines } from "./manage-pipelines";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const prefix = "arn:aws:sagemaker:us-east-1:111122223333";
const role = arnBuilders(scope).iam.role({ name: "ds-pipelines" });

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("managePipelines", () => {
  it("creates pipelines only named for the team and with the team tag", async () => {
    const statements = await render(managePipelines(context));
    expect(statements.find((s) => s.Sid === "PipelinesCreate")).toEqual({
      Sid: "PipelinesCreate",
      Effect: "Allow",
      Action: "sagemaker:CreatePipeline",
      Resource: `${prefix}:pipeline/ds-*`,
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
  });

  it("starts executions only of pipelines tagged for the team, and stops and retries only their executions", async () => {
    const statements = await render(managePipelines(context));
    expect(statements.find((s) => s.Sid === "PipelinesManage")).toMatchObject({
      Action: expect.arrayContaining(["sagemaker:StartPipelineExecution", "sagemaker:UpdatePipeline"]),
      Resource: `${prefix}:pipeline/ds-*`,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
    expect(statements.find((s) => s.Sid === "PipelinesManageExecutions")).toMatchObject({
      Action: expect.arrayContaining(["sagemaker:RetryPipelineExecution", "sagemaker:StopPipelineExecution"]),
      Resource: `${prefix}:pipeline/ds-*/execution/*`,
    });
  });

  it("passes the given role to SageMaker only", async () => {
    const statements = await render(managePipelines(context, { executionRoles: [role] }));
    expect(statements.find((s) => s.Sid === "PipelinesPassRole")).toEqual({
      Sid: "PipelinesPassRole",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: "arn:aws:iam::111122223333:role/ds-pipelines",
      Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
    });
  });

  it("passes every policy rule", async () => {
    const statements = managePipelines(context, { executionRoles: [role] });
    const document = toPolicyJson((await resolve(pulumi.output(statements))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
