import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { manageExperiments } from "./manage-experiments";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const prefix = "arn:aws:sagemaker:us-east-1:111122223333";

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("manageExperiments", () => {
  it("creates experiments, trials and trial components only named for the team and with the team tag", async () => {
    const statements = await render(manageExperiments(context));
    expect(statements.find((s) => s.Sid === "ExperimentsCreate")).toEqual({
      Sid: "ExperimentsCreate",
      Effect: "Allow",
      Action: ["sagemaker:CreateExperiment", "sagemaker:CreateTrial", "sagemaker:CreateTrialComponent"],
      Resource: [`${prefix}:experiment-trial-component/ds-*`, `${prefix}:experiment-trial/ds-*`, `${prefix}:experiment/ds-*`],
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
  });

  it("updates and deletes experiments and trials only when tagged for the team", async () => {
    const statements = await render(manageExperiments(context));
    expect(statements.find((s) => s.Sid === "ExperimentsManage")).toMatchObject({
      Resource: [`${prefix}:experiment-trial/ds-*`, `${prefix}:experiment/ds-*`],
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("reaches trial components that jobs create, by the team's job names", async () => {
    const statements = await render(manageExperiments(context));
    expect(statements.find((s) => s.Sid === "ExperimentsManageTrialComponents")?.Resource).toEqual([
      `${prefix}:experiment-trial-component/ds-*`,
      `${prefix}:experiment-trial/ds-*`,
      `${prefix}:processing-job/ds-*`,
      `${prefix}:training-job/ds-*`,
    ]);
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(manageExperiments(context)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
