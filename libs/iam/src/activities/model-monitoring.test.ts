import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { modelMonitoring } from "./model-monitoring";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const arn = "arn:aws:sagemaker:us-east-1:111122223333";
const teamMonitoring = [
  `${arn}:data-quality-job-definition/ds-*`,
  `${arn}:model-quality-job-definition/ds-*`,
  `${arn}:monitoring-schedule/ds-*`,
];

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("modelMonitoring", () => {
  it("creates schedules and job definitions only named for the team and with the team tag", async () => {
    const statements = await render(modelMonitoring(context));
    expect(statements.find((s) => s.Sid === "MonitoringCreate")).toEqual({
      Sid: "MonitoringCreate",
      Effect: "Allow",
      Action: [
        "sagemaker:CreateDataQualityJobDefinition",
        "sagemaker:CreateModelQualityJobDefinition",
        "sagemaker:CreateMonitoringSchedule",
      ],
      Resource: teamMonitoring,
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
  });

  it("starts, stops, updates and deletes only what is tagged for the team", async () => {
    const statements = await render(modelMonitoring(context));
    expect(statements.find((s) => s.Sid === "MonitoringManage")).toMatchObject({
      Action: expect.arrayContaining(["sagemaker:StartMonitoringSchedule", "sagemaker:DeleteDataQualityJobDefinition"]),
      Resource: teamMonitoring,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("passes every policy rule, with its roles' PassRole", async () => {
    const role = arnBuilders(scope).iam.role({ name: "ds-monitoring" });
    const statements = modelMonitoring(context, { executionRoles: [role] });
    const document = toPolicyJson((await resolve(pulumi.output(statements))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
    expect((await render(statements)).find((s) => s.Sid === "MonitoringPassRole")?.Resource).toBe(
      "arn:aws:iam::111122223333:role/ds-monitoring",
    );
  });

  it("builds job definition ARNs in the scope's partition", async () => {
    const gov = { scope: { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" }, team: "ds" };
    expect((await render(modelMonitoring(gov)))[0]?.Resource).toEqual([
      "arn:aws-us-gov:sagemaker:us-gov-west-1:111122223333:data-quality-job-definition/ds-*",
      "arn:aws-us-gov:sagemaker:us-gov-west-1:111122223333:model-quality-job-definition/ds-*",
      "arn:aws-us-gov:sagemaker:us-gov-west-1:111122223333:monitoring-schedule/ds-*",
    ]);
  });
});
