import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { defaultQuotas, policyCharacterCount } from "../quotas";
import { renderPolicyJson } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { dataScientist } from "./data-scientist";
import type { PersonaPolicy } from "./persona";
import type { TeamResources } from "./team-resources";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { iam } = arnBuilders(scope);
const resources: TeamResources = {
  jobRoles: [iam.role({ name: "ds-job", path: "/ml/ds/" })],
  pipelineRoles: [iam.role({ name: "ds-pipeline", path: "/ml/ds/" })],
  datasetBuckets: ["ds-datasets"],
  artifactBuckets: [pulumi.output("ds-artifacts")],
  studioDomainId: "d-abc123",
};
const sm = (resource: string) => `arn:aws:sagemaker:us-east-1:111122223333:${resource}`;
const teamJobs = [
  sm("automl-job/ds-*"),
  sm("hyper-parameter-tuning-job/ds-*"),
  sm("processing-job/ds-*"),
  sm("training-job/ds-*"),
  sm("transform-job/ds-*"),
];
const createJobs = ["CreateAutoMLJob", "CreateAutoMLJobV2", "CreateHyperParameterTuningJob", "CreateProcessingJob", "CreateTrainingJob", "CreateTransformJob"];

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

function policy(policies: PersonaPolicy[] | undefined, name: string): PersonaPolicy {
  const found = policies?.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no ${name} policy among ${JSON.stringify(policies?.map((p) => p.name))}`);
  return found;
}

const actionsOf = (statements: StatementJson[]) => statements.flatMap((s) => ([] as string[]).concat(s.Action ?? []));

describe("dataScientist", () => {
  it("configures the access role and, with a Studio domain, the Studio execution role, and no other", () => {
    const policies = dataScientist(context, resources);
    expect(Object.keys(policies).sort()).toEqual(["access", "studio"]);
    expect(policies.access?.map((p) => p.name)).toEqual(["ml-jobs", "models-and-endpoints", "studio-and-data"]);
    expect(policies.studio?.map((p) => p.name)).toEqual(["studio-apps", "studio-jobs", "studio-data"]);
  });

  // People start jobs from a laptop (the access role) and from notebooks (the Studio execution role) alike.
  it.each([
    ["access", "ml-jobs"],
    ["studio", "studio-jobs"],
  ] as const)("lets the %s role create the team's jobs tagged for it, passing only the job roles, to SageMaker only", async (role, name) => {
    const statements = await render(policy(dataScientist(context, resources)[role], name).statements);
    expect(statements.find((s) => s.Sid === "MlJobsCreate")).toEqual({
      Sid: "MlJobsCreate",
      Effect: "Allow",
      Action: createJobs.map((action) => `sagemaker:${action}`),
      Resource: teamJobs,
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
    expect(statements.filter((s) => s.Action === "iam:PassRole")).toEqual([
      {
        Sid: "PassExecutionRoles",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::111122223333:role/ml/ds/ds-job",
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      },
    ]);
    expect(JSON.stringify(statements)).not.toContain("ds-pipeline");
  });

  it.each([
    ["access", "ml-jobs"],
    ["studio", "studio-jobs"],
  ] as const)("lets the %s role upload training code for the team's jobs and read the team's job logs", async (role, name) => {
    const statements = await render(policy(dataScientist(context, resources)[role], name).statements);
    expect(statements.find((s) => s.Sid === "UploadTrainingCode")).toEqual({
      Sid: "UploadTrainingCode",
      Effect: "Allow",
      Action: ["s3:AbortMultipartUpload", "s3:PutObject"],
      Resource: "arn:aws:s3:::ds-artifacts/ds-*/source/*",
    });
    expect(statements.find((s) => s.Sid === "LogsReadTeamStreams")?.Resource).toContain(
      "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker/TrainingJobs:log-stream:ds-*",
    );
    // Writes are for code only: datasets and job outputs stay read-only to people.
    expect(actionsOf(statements).filter((a) => /^s3:(Put|Delete)/.test(a))).toEqual(["s3:PutObject"]);
  });

  it("registers and deploys the team's models from the access role, passing no role there", async () => {
    const statements = await render(policy(dataScientist(context, resources).access, "models-and-endpoints").statements);
    expect(statements.find((s) => s.Sid === "ModelsCreate")).toMatchObject({
      Action: ["sagemaker:CreateModel", "sagemaker:CreateModelPackageGroup"],
      Resource: [sm("model-package-group/ds-*"), sm("model/ds-*")],
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
    expect(statements.find((s) => s.Sid === "EndpointsCreate")).toMatchObject({
      Action: ["sagemaker:CreateEndpoint", "sagemaker:CreateEndpointConfig"],
      Resource: [sm("endpoint-config/ds-*"), sm("endpoint/ds-*")],
    });
    expect(actionsOf(statements)).not.toContain("iam:PassRole");
  });

  it("opens Studio from the access role only on the person's own profile, and runs no Studio apps there", async () => {
    const statements = await render(policy(dataScientist(context, resources).access, "studio-and-data").statements);
    expect(statements.find((s) => s.Sid === "StudioOpenOwnProfile")).toEqual({
      Sid: "StudioOpenOwnProfile",
      Effect: "Allow",
      Action: ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"],
      Resource: sm("user-profile/d-abc123/ds-*"),
      Condition: { StringEquals: { "aws:ResourceTag/person": "${aws:PrincipalTag/person}", "aws:ResourceTag/team": "ds" } },
    });
    expect(actionsOf(statements)).not.toContain("sagemaker:CreateApp");
  });

  it("gives the Studio execution role the team's Studio apps and spaces, but no presigned URLs", async () => {
    const statements = await render(policy(dataScientist(context, resources).studio, "studio-apps").statements);
    expect(statements.find((s) => s.Sid === "StudioCreateSpacesAndAppsOfTeamProfiles")).toEqual({
      Sid: "StudioCreateSpacesAndAppsOfTeamProfiles",
      Effect: "Allow",
      Action: ["sagemaker:CreateApp", "sagemaker:CreateSpace", "sagemaker:DeleteApp", "sagemaker:DeleteSpace", "sagemaker:UpdateSpace"],
      Resource: [sm("app/d-abc123/*/*/*"), sm("space/d-abc123/*")],
      Condition: { ArnLike: { "sagemaker:OwnerUserProfileArn": sm("user-profile/d-abc123/ds-*") } },
    });
    expect(statements.find((s) => s.Sid === "SearchTeamResources")?.Condition).toEqual({
      StringEquals: { "sagemaker:SearchVisibilityCondition/Tags.team/EqualsIfExists": "ds" },
    });
    expect(actionsOf(statements)).not.toContain("sagemaker:CreatePresignedDomainUrl");
  });

  it.each([
    ["access", "studio-and-data"],
    ["studio", "studio-data"],
  ] as const)("lets the %s role read, and only read, the team's datasets and artifacts", async (role, name) => {
    const statements = await render(policy(dataScientist(context, resources)[role], name).statements);
    expect(statements.filter((s) => s.Sid?.startsWith("S3ReadOnly"))).toEqual([
      {
        Sid: "S3ReadOnlyBuckets",
        Effect: "Allow",
        Action: ["s3:GetBucketLocation", "s3:ListBucket"],
        Resource: ["arn:aws:s3:::ds-artifacts", "arn:aws:s3:::ds-datasets"],
      },
      { Sid: "S3ReadOnlyObjects", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::ds-artifacts/*", "arn:aws:s3:::ds-datasets/*"] },
    ]);
  });

  it("passes every policy rule with no findings, and each policy fits the managed policy quota", async () => {
    const policies = dataScientist(context, resources);
    for (const { name, statements } of [...(policies.access ?? []), ...(policies.studio ?? [])]) {
      const document = await renderStatements(statements);
      expect([name, validatePolicy(document, { kind: "identity" })]).toEqual([name, []]);
      expect(policyCharacterCount(renderPolicyJson(document))).toBeLessThan(defaultQuotas.managedPolicyCharacters);
    }
  });

  it("leaves Studio out, the Studio role included, when the team has no domain, and reads only under the team's prefix when it has one", async () => {
    const policies = dataScientist(context, { ...resources, studioDomainId: undefined, s3KeyPrefix: "ds/" });
    expect(policies.studio).toBeUndefined();
    const json = JSON.stringify(await render(policy(policies.access, "studio-and-data").statements));
    expect(json).not.toMatch(/Studio|CreatePresignedDomainUrl/);
    expect(json).toContain('"arn:aws:s3:::ds-datasets/ds/*"');
    expect(json).toContain('"s3:prefix":"ds/*"');
  });

  it.each<[string, string, Partial<TeamResources>, RegExp]>([
    ["no job role, which would leave people unable to start a job", "ds", { jobRoles: [] }, /passRole needs at least one role/],
    ["no artifact bucket to upload training code to", "ds", { artifactBuckets: [] }, /uploadTrainingCode needs at least one bucket/],
    ["a key prefix with a wildcard", "ds", { s3KeyPrefix: "ds/*" }, /prefix must be a key prefix/],
    ["a team name that could not prefix its resources", "DS", {}, /team must be kebab-case/],
  ])("rejects %s", (_name, team, extra, message) => {
    expect(() => dataScientist({ scope, team }, { ...resources, ...extra })).toThrow(message);
  });
});
