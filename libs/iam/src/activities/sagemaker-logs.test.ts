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

const logGroup = (name: string) => `arn:aws:logs:us-east-1:111122223333:log-group:${name}`;

describe("sageMakerLogs", () => {
  it("writes the streams of the team's jobs in SageMaker's shared log groups, and its endpoints' own groups", async () => {
    const [groups, streams] = await render(sageMakerLogs(context));
    expect(groups).toEqual({
      Sid: "SageMakerLogGroups",
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
      Resource: [
        logGroup("/aws/sagemaker/Endpoints/ds-*:*"),
        logGroup("/aws/sagemaker/ProcessingJobs:*"),
        logGroup("/aws/sagemaker/TrainingJobs:*"),
        logGroup("/aws/sagemaker/TransformJobs:*"),
      ],
    });
    expect(streams).toEqual({
      Sid: "SageMakerLogStreams",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [
        logGroup("/aws/sagemaker/Endpoints/ds-*:log-stream:*"),
        logGroup("/aws/sagemaker/ProcessingJobs:log-stream:ds-*"),
        logGroup("/aws/sagemaker/TrainingJobs:log-stream:ds-*"),
        logGroup("/aws/sagemaker/TransformJobs:log-stream:ds-*"),
      ],
    });
  });

  it("never writes another team's job streams or any log group outside SageMaker's", async () => {
    const resources = (await render(sageMakerLogs(context))).flatMap((s) => ([] as string[]).concat(s.Resource ?? []));
    expect(resources.filter((r) => r.includes(":log-stream:*") && !r.includes("/Endpoints/ds-*"))).toEqual([]);
    expect(resources.filter((r) => r !== "*" && !r.startsWith(logGroup("/aws/sagemaker/")))).toEqual([]);
  });

  it("puts metrics only under SageMaker's namespaces: PutMetricData has no resource to scope", async () => {
    const metrics = (await render(sageMakerLogs(context))).find((s) => s.Sid === "SageMakerMetrics");
    expect(metrics).toEqual({
      Sid: "SageMakerMetrics",
      Effect: "Allow",
      Action: "cloudwatch:PutMetricData",
      Resource: "*",
      Condition: { StringLike: { "cloudwatch:namespace": "/aws/sagemaker/*" } },
    });
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(sageMakerLogs(context)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("builds ARNs in the scope's partition", async () => {
    const china = { scope: { partition: "aws-cn", region: "cn-north-1", account: "111122223333" }, team: "ds" };
    const resources = (await render(sageMakerLogs(china))).flatMap((s) => ([] as string[]).concat(s.Resource ?? [])).filter((r) => r !== "*");
    expect(resources).toHaveLength(8);
    expect(resources.every((r) => r.startsWith("arn:aws-cn:logs:cn-north-1:111122223333:log-group:/aws/sagemaker/"))).toBe(true);
  });

  it("rejects a team name that could not prefix the team's job names", () => {
    expect(() => sageMakerLogs({ ...context, team: "DS" })).toThrow(/team must be kebab-case/);
  });
});
