import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { manageMlJobs } from "./manage-ml-jobs";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const arn = "arn:aws:sagemaker:us-east-1:111122223333";
const teamJobs = [
  `${arn}:automl-job/ds-*`,
  `${arn}:hyper-parameter-tuning-job/ds-*`,
  `${arn}:processing-job/ds-*`,
  `${arn}:training-job/ds-*`,
  `${arn}:transform-job/ds-*`,
];

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("manageMlJobs", () => {
  it("allows CreateTrainingJob only with the team tag and only on `${team}-*`", async () => {
    const statements = await render(manageMlJobs(context));
    const creating = statements.filter((s) => JSON.stringify(s.Action).includes("sagemaker:CreateTrainingJob"));
    expect(creating).toEqual([
      {
        Sid: "MlJobsCreate",
        Effect: "Allow",
        Action: [
          "sagemaker:CreateAutoMLJob",
          "sagemaker:CreateAutoMLJobV2",
          "sagemaker:CreateHyperParameterTuningJob",
          "sagemaker:CreateProcessingJob",
          "sagemaker:CreateTrainingJob",
          "sagemaker:CreateTransformJob",
        ],
        Resource: teamJobs,
        Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
      },
    ]);
  });

  it("tags jobs only while creating them, and only with the team tag", async () => {
    const statements = await render(manageMlJobs(context));
    expect(statements.find((s) => s.Sid === "MlJobsTagOnCreate")).toEqual({
      Sid: "MlJobsTagOnCreate",
      Effect: "Allow",
      Action: "sagemaker:AddTags",
      Resource: teamJobs,
      Condition: {
        StringEquals: {
          "aws:RequestTag/team": "ds",
          "sagemaker:TaggingAction": [
            "CreateAutoMLJob",
            "CreateAutoMLJobV2",
            "CreateHyperParameterTuningJob",
            "CreateProcessingJob",
            "CreateTrainingJob",
            "CreateTransformJob",
          ],
        },
      },
    });
  });

  it("describes and stops only jobs tagged for the team", async () => {
    const statements = await render(manageMlJobs(context));
    expect(statements.find((s) => s.Sid === "MlJobsDescribeAndStop")).toMatchObject({
      Action: expect.arrayContaining(["sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:StopAutoMLJob"]),
      Resource: teamJobs,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("lists on * in a statement of its own, with only actions that have no resource-level permissions", async () => {
    const statements = await render(manageMlJobs(context));
    expect(statements.filter((s) => s.Resource === "*")).toEqual([
      {
        Sid: "MlJobsList",
        Effect: "Allow",
        Action: [
          "sagemaker:ListAutoMLJobs",
          "sagemaker:ListCandidatesForAutoMLJob",
          "sagemaker:ListHyperParameterTuningJobs",
          "sagemaker:ListProcessingJobs",
          "sagemaker:ListTrainingJobs",
          "sagemaker:ListTransformJobs",
        ],
        Resource: "*",
      },
    ]);
  });

  it("passes no role unless given execution roles, then only those and only to SageMaker", async () => {
    expect(JSON.stringify(await render(manageMlJobs(context)))).not.toContain("iam:PassRole");
    const role = arnBuilders(scope).iam.role({ name: "ds-training", path: "/ml/ds/" });
    const statements = await render(manageMlJobs(context, { executionRoles: [role] }));
    expect(statements.filter((s) => JSON.stringify(s.Action).includes("iam:PassRole"))).toEqual([
      {
        Sid: "MlJobsPassRole",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::111122223333:role/ml/ds/ds-training",
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      },
    ]);
  });

  it("passes every policy rule", async () => {
    const role = arnBuilders(scope).iam.role({ name: "ds-training" });
    const document = toPolicyJson(
      (await resolve(pulumi.output(manageMlJobs(context, { executionRoles: [role] })))) as unknown as ResolvedStatement[],
    );
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("yields arn:aws-us-gov: ARNs for an aws-us-gov scope", async () => {
    const gov = { scope: { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" }, team: "ds" };
    const resources = (await render(manageMlJobs(gov))).flatMap((s) => s.Resource ?? []).filter((r) => r !== "*");
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.filter((r) => !r.startsWith("arn:aws-us-gov:sagemaker:us-gov-west-1:111122223333:"))).toEqual([]);
  });

  it("rejects a team name that cannot prefix resource names", () => {
    expect(() => manageMlJobs({ scope, team: "Data Science" })).toThrow(/team must be/);
  });
});
