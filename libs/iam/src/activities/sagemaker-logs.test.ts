import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { sageMakerLogs } from "./sagemaker-logs";

beforeAll(() => setUpPulumiMocks());

const context = { scope: { partition: "aws", region: "us-east-1", account: "111122223333" }, team: "ds" };

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("sageMakerLogs", () => {
  it("writes only under /aws/sagemaker/, on log groups and log streams by the type each action needs", async () => {
    expect(await render(sageMakerLogs(context))).toEqual([
      {
        Sid: "SageMakerLogGroups",
        Effect: "Allow",
        Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
        Resource: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/*:*",
      },
      {
        Sid: "SageMakerLogStreams",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/*:log-stream:*",
      },
    ]);
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(sageMakerLogs(context)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("builds ARNs in the scope's partition", async () => {
    const china = { scope: { partition: "aws-cn", region: "cn-north-1", account: "111122223333" }, team: "ds" };
    const resources = (await render(sageMakerLogs(china))).map((s) => s.Resource);
    expect(resources).toEqual([
      "arn:aws-cn:logs:cn-north-1:111122223333:log-group:/aws/sagemaker/*:*",
      "arn:aws-cn:logs:cn-north-1:111122223333:log-group:/aws/sagemaker/*:log-stream:*",
    ]);
  });
});
