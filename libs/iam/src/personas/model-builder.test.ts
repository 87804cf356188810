import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { modelBuilder } from "./model-builder";
import type { TeamResources } from "./team-resources";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { iam, ecr } = arnBuilders(scope);
const resources: TeamResources = {
  jobRoles: [iam.role({ name: "ds-job", path: "/ml/ds/" })],
  pipelineRoles: [iam.role({ name: "ds-pipeline", path: "/ml/ds/" })],
  datasetBuckets: ["ds-datasets"],
  artifactBuckets: ["ds-artifacts"],
  ecrRepositories: [ecr.repository({ name: "ds/training" })],
};
const sm = (resource: string) => `arn:aws:sagemaker:us-east-1:111122223333:${resource}`;

async function statementsOf(statements: Statement[]): Promise<StatementJson[]> {
  return toPolicyJson((await resolve(pulumi.output(statements))) as unknown as ResolvedStatement[]).Statement as StatementJson[];
}

/** The distinct actions and resources of a policy, sorted, for assertions that read as grants. */
async function grants(statements: Statement[]): Promise<{ actions: string[]; resources: string[] }> {
  const json = await statementsOf(statements);
  const distinct = (values: string[]) => [...new Set(values)].sort();
  return { actions: distinct(json.flatMap((s) => s.Action ?? [])), resources: distinct(json.flatMap((s) => s.Resource ?? [])) };
}

describe("modelBuilder", () => {
  it("configures the access role in four policies and, where the team has pipeline roles, the pipeline role", () => {
    const policies = modelBuilder(context, resources);
    expect(Object.keys(policies).sort()).toEqual(["access", "pipeline"]);
    expect(policies.access?.map((policy) => policy.name)).toEqual([
      "ml-jobs",
      "models-and-endpoints",
      "pipelines-and-experiments",
      "monitoring-and-images",
    ]);
    expect(policies.pipeline?.map((policy) => policy.name)).toEqual(["steps"]);
  });

  it("runs the team's jobs, uploads their code and reads their logs, passing only its job role, to SageMaker only", async () => {
    const [jobs] = modelBuilder(context, resources).access!;
    expect(await grants(jobs!.statements)).toEqual({
      actions: [
        "iam:PassRole",
        "logs:DescribeLogStreams",
        "logs:GetLogEvents",
        "s3:AbortMultipartUpload",
        "s3:PutObject",
        "sagemaker:AddTags",
        "sagemaker:CreateAutoMLJob",
        "sagemaker:CreateAutoMLJobV2",
        "sagemaker:CreateHyperParameterTuningJob",
        "sagemaker:CreateProcessingJob",
        "sagemaker:CreateTrainingJob",
        "sagemaker:CreateTransformJob",
        "sagemaker:DescribeAutoMLJob",
        "sagemaker:DescribeAutoMLJobV2",
        "sagemaker:DescribeHyperParameterTuningJob",
        "sagemaker:DescribeProcessingJob",
        "sagemaker:DescribeTrainingJob",
        "sagemaker:DescribeTransformJob",
        "sagemaker:ListAutoMLJobs",
        "sagemaker:ListCandidatesForAutoMLJob",
        "sagemaker:ListHyperParameterTuningJobs",
        "sagemaker:ListProcessingJobs",
        "sagemaker:ListTrainingJobs",
        "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
        "sagemaker:ListTransformJobs",
        "sagemaker:StopAutoMLJob",
        "sagemaker:StopHyperParameterTuningJob",
        "sagemaker:StopProcessingJob",
        "sagemaker:StopTrainingJob",
        "sagemaker:StopTransformJob",
      ],
      resources: [
        "*",
        "arn:aws:iam::111122223333:role/ml/ds/ds-job",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/Endpoints/ds-*:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/Endpoints/ds-*:log-stream:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/ProcessingJobs:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/ProcessingJobs:log-stream:ds-*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:log-stream:ds-*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TransformJobs:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TransformJobs:log-stream:ds-*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/ml/ds/*:*",
        "arn:aws:logs:us-east-1:111122223333:log-group:/ml/ds/*:log-stream:*",
        "arn:aws:s3:::ds-artifacts/ds-*/source/*",
        sm("automl-job/ds-*"),
        sm("hyper-parameter-tuning-job/ds-*"),
        sm("processing-job/ds-*"),
        sm("training-job/ds-*"),
        sm("transform-job/ds-*"),
      ],
    });
  });

  it("manages the team's models, registry groups and versions, endpoint configs and endpoints", async () => {
    const [, modelsAndEndpoints] = modelBuilder(context, resources).access!;
    expect(await grants(modelsAndEndpoints!.statements)).toEqual({
      actions: [
        "sagemaker:AddTags",
        "sagemaker:CreateEndpoint",
        "sagemaker:CreateEndpointConfig",
        "sagemaker:CreateModel",
        "sagemaker:CreateModelPackage",
        "sagemaker:CreateModelPackageGroup",
        "sagemaker:DeleteEndpoint",
        "sagemaker:DeleteEndpointConfig",
        "sagemaker:DeleteModel",
        "sagemaker:DeleteModelPackage",
        "sagemaker:DeleteModelPackageGroup",
        "sagemaker:DescribeEndpoint",
        "sagemaker:DescribeEndpointConfig",
        "sagemaker:DescribeModel",
        "sagemaker:DescribeModelPackage",
        "sagemaker:DescribeModelPackageGroup",
        "sagemaker:InvokeEndpoint",
        "sagemaker:InvokeEndpointAsync",
        "sagemaker:ListEndpointConfigs",
        "sagemaker:ListEndpoints",
        "sagemaker:ListModelPackageGroups",
        "sagemaker:ListModelPackages",
        "sagemaker:ListModels",
        "sagemaker:UpdateEndpoint",
        "sagemaker:UpdateEndpointWeightsAndCapacities",
        "sagemaker:UpdateModelPackage",
      ],
      resources: [
        "*",
        sm("endpoint-config/ds-*"),
        sm("endpoint/ds-*"),
        sm("model-package-group/ds-*"),
        sm("model-package/ds-*"),
        sm("model/ds-*"),
      ],
    });
  });

  it("manages the team's pipelines and their executions, passing only its pipeline role, and its experiments", async () => {
    const [, , pipelinesAndExperiments] = modelBuilder(context, resources).access!;
    expect(await grants(pipelinesAndExperiments!.statements)).toEqual({
      actions: [
        "iam:PassRole",
        "sagemaker:AddTags",
        "sagemaker:AssociateTrialComponent",
        "sagemaker:BatchGetMetrics",
        "sagemaker:BatchPutMetrics",
        "sagemaker:CreateExperiment",
        "sagemaker:CreatePipeline",
        "sagemaker:CreateTrial",
        "sagemaker:CreateTrialComponent",
        "sagemaker:DeleteExperiment",
        "sagemaker:DeletePipeline",
        "sagemaker:DeleteTrial",
        "sagemaker:DeleteTrialComponent",
        "sagemaker:DescribeExperiment",
        "sagemaker:DescribePipeline",
        "sagemaker:DescribePipelineDefinitionForExecution",
        "sagemaker:DescribePipelineExecution",
        "sagemaker:DescribeTrial",
        "sagemaker:DescribeTrialComponent",
        "sagemaker:DisassociateTrialComponent",
        "sagemaker:ListExperiments",
        "sagemaker:ListPipelineExecutionSteps",
        "sagemaker:ListPipelineExecutions",
        "sagemaker:ListPipelineParametersForExecution",
        "sagemaker:ListPipelines",
        "sagemaker:ListTrialComponents",
        "sagemaker:ListTrials",
        "sagemaker:RetryPipelineExecution",
        "sagemaker:StartPipelineExecution",
        "sagemaker:StopPipelineExecution",
        "sagemaker:UpdateExperiment",
        "sagemaker:UpdatePipeline",
        "sagemaker:UpdateTrial",
        "sagemaker:UpdateTrialComponent",
      ],
      resources: [
        "*",
        "arn:aws:iam::111122223333:role/ml/ds/ds-pipeline",
        sm("experiment-trial-component/ds-*"),
        sm("experiment-trial/ds-*"),
        sm("experiment/ds-*"),
        sm("pipeline/ds-*"),
        sm("pipeline/ds-*/execution/*"),
        sm("processing-job/ds-*"),
        sm("training-job/ds-*"),
      ],
    });
  });

  it("monitors the team's models and builds and pushes its images", async () => {
    const [, , , monitoringAndImages] = modelBuilder(context, resources).access!;
    expect(await grants(monitoringAndImages!.statements)).toEqual({
      actions: [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:CompleteLayerUpload",
        "ecr:DescribeImages",
        "ecr:GetAuthorizationToken",
        "ecr:GetDownloadUrlForLayer",
        "ecr:InitiateLayerUpload",
        "ecr:PutImage",
        "ecr:UploadLayerPart",
        "sagemaker:AddTags",
        "sagemaker:CreateDataQualityJobDefinition",
        "sagemaker:CreateModelQualityJobDefinition",
        "sagemaker:CreateMonitoringSchedule",
        "sagemaker:DeleteDataQualityJobDefinition",
        "sagemaker:DeleteModelQualityJobDefinition",
        "sagemaker:DeleteMonitoringSchedule",
        "sagemaker:DescribeDataQualityJobDefinition",
        "sagemaker:DescribeModelQualityJobDefinition",
        "sagemaker:DescribeMonitoringSchedule",
        "sagemaker:ListDataQualityJobDefinitions",
        "sagemaker:ListModelQualityJobDefinitions",
        "sagemaker:ListMonitoringExecutions",
        "sagemaker:ListMonitoringSchedules",
        "sagemaker:StartMonitoringSchedule",
        "sagemaker:StopMonitoringSchedule",
        "sagemaker:UpdateMonitoringSchedule",
      ],
      resources: [
        "*",
        "arn:aws:ecr:us-east-1:111122223333:repository/ds/training",
        sm("data-quality-job-definition/ds-*"),
        sm("model-quality-job-definition/ds-*"),
        sm("monitoring-schedule/ds-*"),
      ],
    });
  });

  it("lets the pipeline role run the team's step jobs tagged for it, passing only the job role", async () => {
    const steps = await statementsOf(modelBuilder(context, resources).pipeline![0]!.statements);
    expect(steps.find((s) => s.Sid === "PipelineStepJobsCreate")).toEqual({
      Sid: "PipelineStepJobsCreate",
      Effect: "Allow",
      Action: ["sagemaker:CreateProcessingJob", "sagemaker:CreateTrainingJob"],
      Resource: [sm("processing-job/pipelines-*"), sm("training-job/pipelines-*")],
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
    expect(steps.filter((s) => s.Action === "iam:PassRole").map((s) => s.Resource)).toEqual(["arn:aws:iam::111122223333:role/ml/ds/ds-job"]);
  });

  it("passes the job roles and the pipeline roles each in one statement, the pipeline roles from the pipelines policy only", async () => {
    const policies = modelBuilder(context, resources);
    const passes = await Promise.all(
      policies.access!.map(async (p) => [p.name, (await statementsOf(p.statements)).filter((s) => s.Action === "iam:PassRole").map((s) => [s.Sid, s.Resource])]),
    );
    expect(passes.filter(([, statements]) => statements!.length > 0)).toEqual([
      ["ml-jobs", [["PassExecutionRoles", "arn:aws:iam::111122223333:role/ml/ds/ds-job"]]],
      ["pipelines-and-experiments", [["PipelinesPassRole", "arn:aws:iam::111122223333:role/ml/ds/ds-pipeline"]]],
    ]);
  });

  it("configures no pipeline role and passes none when the team has no pipeline roles", async () => {
    for (const pipelineRoles of [undefined, []]) {
      const policies = modelBuilder(context, { ...resources, pipelineRoles });
      expect(policies.pipeline).toBeUndefined();
      const all = (await Promise.all(policies.access!.map((policy) => statementsOf(policy.statements)))).flat();
      expect(all.filter((s) => s.Action === "iam:PassRole").map((s) => s.Sid)).toEqual(["PassExecutionRoles"]);
    }
  });

  it("pushes no images when the team has no repositories", async () => {
    const policies = modelBuilder(context, { ...resources, ecrRepositories: undefined });
    const all = (await Promise.all(policies.access!.map((policy) => statementsOf(policy.statements)))).flat();
    expect(JSON.stringify(all)).not.toContain("ecr:");
  });

  it("passes every policy rule with no findings", async () => {
    const policies = modelBuilder(context, resources);
    for (const { name, statements } of [...policies.access!, ...policies.pipeline!]) {
      expect([name, validatePolicy(await renderStatements(statements), { kind: "identity" })]).toEqual([name, []]);
    }
  });

  it.each<[string, Partial<TeamResources>, RegExp]>([
    ["no job role", { jobRoles: [] }, /passRole needs at least one role/],
    ["no artifact bucket to upload training code to", { artifactBuckets: [] }, /uploadTrainingCode needs at least one bucket/],
  ])("rejects %s", (_name, extra, message) => {
    expect(() => modelBuilder(context, { ...resources, ...extra })).toThrow(message);
  });
});
