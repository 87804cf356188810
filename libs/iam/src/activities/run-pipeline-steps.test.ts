import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { runPipelineSteps } from "./run-pipeline-steps";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { iam } = arnBuilders(scope);
const jobRoles = [iam.role({ name: "ds-job", path: "/ml/ds/" })];
const sm = (resource: string) => `arn:aws:sagemaker:us-east-1:111122223333:${resource}`;
const stepJobs = [sm("processing-job/pipelines-*"), sm("training-job/pipelines-*")];

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("runPipelineSteps", () => {
  // Pipelines names step jobs pipelines-<execution>-<step>-…, whatever the team: the tag is the fence.
  it("creates step jobs only tagged for the team, and tags them only while creating them", async () => {
    const statements = await render(runPipelineSteps(context, { jobRoles }));
    expect(statements.slice(0, 2)).toEqual([
      {
        Sid: "PipelineStepJobsCreate",
        Effect: "Allow",
        Action: ["sagemaker:CreateProcessingJob", "sagemaker:CreateTrainingJob"],
        Resource: stepJobs,
        Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
      },
      {
        Sid: "PipelineStepJobsTagOnCreate",
        Effect: "Allow",
        Action: "sagemaker:AddTags",
        Resource: stepJobs,
        Condition: { StringEquals: { "aws:RequestTag/team": "ds", "sagemaker:TaggingAction": ["CreateProcessingJob", "CreateTrainingJob"] } },
      },
    ]);
  });

  it("describes and stops only step jobs tagged for the team", async () => {
    const statements = await render(runPipelineSteps(context, { jobRoles }));
    expect(statements.find((s) => s.Sid === "PipelineStepJobsFollow")).toEqual({
      Sid: "PipelineStepJobsFollow",
      Effect: "Allow",
      Action: ["sagemaker:DescribeProcessingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopProcessingJob", "sagemaker:StopTrainingJob"],
      Resource: stepJobs,
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("passes the job roles, and only them, to SageMaker", async () => {
    const statements = await render(runPipelineSteps(context, { jobRoles }));
    expect(statements.filter((s) => s.Action === "iam:PassRole")).toEqual([
      {
        Sid: "PipelineStepsPassJobRole",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::111122223333:role/ml/ds/ds-job",
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      },
    ]);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(runPipelineSteps(context, { jobRoles })), { kind: "identity" })).toEqual([]);
  });

  it("rejects an empty job role list, with which the steps' jobs could not start", () => {
    expect(() => runPipelineSteps(context, { jobRoles: [] })).toThrow(/at least one role/);
  });
});
