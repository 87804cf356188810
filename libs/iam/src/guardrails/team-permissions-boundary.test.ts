import type { StatementJson } from "../policy-json";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { teamPermissionsBoundary, type TeamPermissionsBoundaryArgs } from "./team-permissions-boundary";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const boundaryArn = "arn:aws:iam::111122223333:policy/ml/central-ai/central-ai-team-boundary";
const args: TeamPermissionsBoundaryArgs = { scope, boundaryArn, sharedPolicyArns: ["arn:aws:iam::111122223333:policy/ml/central-ai/central-ai-datasets-read"] };

async function render(): Promise<StatementJson[]> {
  return (await renderStatements(teamPermissionsBoundary(args))).Statement;
}

const actionsOf = (statement: StatementJson | undefined) => ([] as string[]).concat(statement?.Action ?? []);

describe("teamPermissionsBoundary", () => {
  it("lets people reach training nodes through Session Manager, and the nodes register and open session channels", async () => {
    const services = actionsOf((await render()).find((s) => s.Sid === "MlServices"));
    expect(services).toEqual(
      expect.arrayContaining([
        "ssm:StartSession",
        "ssm:ResumeSession",
        "ssm:TerminateSession",
        "ssm:DescribeSessions",
        "ssm:DescribeInstanceInformation",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:*",
      ]),
    );
    // Session Manager only: no run-command, parameters or documents beyond what sessions need.
    expect(services.filter((action) => action.startsWith("ssm:") && !/Session|InstanceInformation/.test(action))).toEqual([]);
  });

  it("keeps the boundary on new principals and out of reach of edits", async () => {
    const statements = await render();
    expect(statements.find((s) => s.Sid === "NewPrincipalsCarryTheBoundary")).toMatchObject({
      Effect: "Deny",
      Action: ["iam:CreateRole", "iam:CreateUser"],
      Condition: { StringNotEquals: { "iam:PermissionsBoundary": boundaryArn } },
    });
    expect(statements.find((s) => s.Sid === "NoBoundaryEdits")).toMatchObject({ Effect: "Deny", Resource: boundaryArn });
  });

  it("passes every rule for a boundary, where broad resources are the point", async () => {
    expect(validatePolicy(await renderStatements(teamPermissionsBoundary(args)), { kind: "boundary" })).toEqual([]);
  });
});
