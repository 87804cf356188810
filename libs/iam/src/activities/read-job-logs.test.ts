import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { readJobLogs } from "./read-job-logs";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const logGroup = (name: string) => `arn:aws:logs:us-east-1:111122223333:log-group:${name}`;

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("readJobLogs", () => {
  it("lists streams in SageMaker's shared job log groups, the team's endpoint groups and the team's own groups", async () => {
    const [list] = await render(readJobLogs(context));
    expect(list).toEqual({
      Sid: "LogsListStreams",
      Effect: "Allow",
      Action: "logs:DescribeLogStreams",
      Resource: [
        logGroup("/aws/sagemaker/Endpoints/ds-*:*"),
        logGroup("/aws/sagemaker/ProcessingJobs:*"),
        logGroup("/aws/sagemaker/TrainingJobs:*"),
        logGroup("/aws/sagemaker/TransformJobs:*"),
        logGroup("/ml/ds/*:*"),
      ],
    });
  });

  it("reads in the shared groups only the streams named after the team's jobs", async () => {
    const [, read] = await render(readJobLogs(context));
    expect(read).toEqual({
      Sid: "LogsReadTeamStreams",
      Effect: "Allow",
      Action: "logs:GetLogEvents",
      Resource: [
        logGroup("/aws/sagemaker/Endpoints/ds-*:log-stream:*"),
        logGroup("/aws/sagemaker/ProcessingJobs:log-stream:ds-*"),
        logGroup("/aws/sagemaker/TrainingJobs:log-stream:ds-*"),
        logGroup("/aws/sagemaker/TransformJobs:log-stream:ds-*"),
        logGroup("/ml/ds/*:log-stream:*"),
      ],
    });
  });

  it("leaves out FilterLogEvents and every write, which would reach other teams' events in a shared group", async () => {
    const actions = (await render(readJobLogs(context))).flatMap((s) => ([] as string[]).concat(s.Action ?? []));
    expect(actions.sort()).toEqual(["logs:DescribeLogStreams", "logs:GetLogEvents"]);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(readJobLogs(context)), { kind: "identity" })).toEqual([]);
  });

  it("rejects a team name that could not prefix job names", () => {
    expect(() => readJobLogs({ scope, team: "d--s" })).toThrow(/team must be kebab-case/);
  });
});
