import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { sessionManagerInstance, sessionManagerSessions } from "./session-manager";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "dml" };
const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:111122223333:${resource}`;

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("sessionManagerSessions", () => {
  it("starts sessions only on instances tagged for the team, with the account's shell document", async () => {
    const statements = await render(sessionManagerSessions(context));
    expect(statements.filter((s) => s.Action === "ssm:StartSession")).toEqual([
      {
        Sid: "SessionsOnTeamInstances",
        Effect: "Allow",
        Action: "ssm:StartSession",
        Resource: arn("ec2", "instance/*"),
        Condition: { StringEquals: { "ssm:resourceTag/team": "dml" } },
      },
      {
        Sid: "SessionsWithTheShellDocument",
        Effect: "Allow",
        Action: "ssm:StartSession",
        Resource: arn("ssm", "document/SSM-SessionManagerRunShell"),
      },
    ]);
  });

  // Identity Center sessions have no aws:username; the session-id tag Session Manager sets starts with aws:userid.
  it("resumes and terminates only the caller's own sessions", async () => {
    const statements = await render(sessionManagerSessions(context));
    expect(statements.find((s) => s.Sid === "SessionsOwnOnly")).toEqual({
      Sid: "SessionsOwnOnly",
      Effect: "Allow",
      Action: ["ssm:ResumeSession", "ssm:TerminateSession"],
      Resource: arn("ssm", "session/*"),
      Condition: { StringLike: { "ssm:resourceTag/aws:ssmmessages:session-id": "${aws:userid}" } },
    });
  });

  it("describes on * only, and sends no commands", async () => {
    const statements = await render(sessionManagerSessions(context));
    expect(statements.filter((s) => s.Resource === "*").map((s) => s.Action)).toEqual([["ssm:DescribeInstanceInformation", "ssm:DescribeSessions"]]);
    expect(JSON.stringify(statements)).not.toMatch(/SendCommand|ssm:\*/);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(sessionManagerSessions(context)), { kind: "identity" })).toEqual([]);
  });
});

describe("sessionManagerInstance", () => {
  it("registers the node with Systems Manager and opens the session channels, which have no resource-level permissions", async () => {
    const [register, channels] = await render(sessionManagerInstance(context));
    expect(register).toEqual({
      Sid: "NodeRegistersWithSystemsManager",
      Effect: "Allow",
      Action: "ssm:UpdateInstanceInformation",
      Resource: arn("ec2", "instance/*"),
    });
    expect(channels).toEqual({
      Sid: "NodeOpensSessionChannels",
      Effect: "Allow",
      Action: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      Resource: "*",
    });
  });

  it("writes logs only under the team's own /ml/<team>/ log groups", async () => {
    const statements = await render(sessionManagerInstance(context));
    expect(statements.filter((s) => s.Sid?.startsWith("NodeLog")).map((s) => [s.Action, s.Resource])).toEqual([
      [["logs:CreateLogGroup", "logs:DescribeLogStreams"], arn("logs", "log-group:/ml/dml/*:*")],
      [["logs:CreateLogStream", "logs:PutLogEvents"], arn("logs", "log-group:/ml/dml/*:log-stream:*")],
    ]);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(sessionManagerInstance(context)), { kind: "identity" })).toEqual([]);
  });

  it("rejects a team name that could not name its log groups", () => {
    expect(() => sessionManagerInstance({ scope, team: "ml/other" })).toThrow(/team must be kebab-case/);
  });
});
