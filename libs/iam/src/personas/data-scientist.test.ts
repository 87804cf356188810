import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { PolicyDocumentJson } from "../policy-json";
import { defaultQuotas, policyCharacterCount } from "../quotas";
import { renderPolicyJson } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { dataScientist } from "./data-scientist";
import type { TeamResources } from "./team-resources";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { iam } = arnBuilders(scope);
const resources: TeamResources = {
  executionRoles: [iam.role({ name: "ds-sagemaker-execution", path: "/ml/ds/" })],
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
const createJobs = [
  "CreateAutoMLJob",
  "CreateAutoMLJobV2",
  "CreateHyperParameterTuningJob",
  "CreateProcessingJob",
  "CreateTrainingJob",
  "CreateTransformJob",
];

async function render(statements: Statement[]): Promise<PolicyDocumentJson> {
  return (await renderStatements(statements));
}

describe("dataScientist", () => {
  it("renders the ml-jobs policy: the team's jobs, and its execution role passed to SageMaker only", async () => {
    const policies = dataScientist(context, resources);
    expect(policies.access.map((policy) => policy.name)).toEqual(["ml-jobs", "studio-and-data"]);
    expect(policies.execution).toEqual([]);
    expect(await render(policies.access[0]!.statements)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "MlJobsCreate",
          Effect: "Allow",
          Action: createJobs.map((action) => `sagemaker:${action}`),
          Resource: teamJobs,
          Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
        },
        {
          Sid: "MlJobsTagOnCreate",
          Effect: "Allow",
          Action: "sagemaker:AddTags",
          Resource: teamJobs,
          Condition: { StringEquals: { "aws:RequestTag/team": "ds", "sagemaker:TaggingAction": createJobs } },
        },
        {
          Sid: "MlJobsDescribeAndStop",
          Effect: "Allow",
          Action: [
            "sagemaker:DescribeAutoMLJob",
            "sagemaker:DescribeAutoMLJobV2",
            "sagemaker:DescribeHyperParameterTuningJob",
            "sagemaker:DescribeProcessingJob",
            "sagemaker:DescribeTrainingJob",
            "sagemaker:DescribeTransformJob",
            "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
            "sagemaker:StopAutoMLJob",
            "sagemaker:StopHyperParameterTuningJob",
            "sagemaker:StopProcessingJob",
            "sagemaker:StopTrainingJob",
            "sagemaker:StopTransformJob",
          ],
          Resource: teamJobs,
          Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
        },
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
        {
          Sid: "PassExecutionRoles",
          Effect: "Allow",
          Action: "iam:PassRole",
          Resource: "arn:aws:iam::111122223333:role/ml/ds/ds-sagemaker-execution",
          Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
        },
      ],
    });
  });

  it("renders the studio-and-data policy: Studio as the team's profiles, its experiments, and reading its buckets", async () => {
    const policies = dataScientist(context, resources);
    expect(await render(policies.access[1]!.statements)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "StudioCreateSpacesAndAppsOfTeamProfiles",
          Effect: "Allow",
          Action: ["sagemaker:CreateApp", "sagemaker:CreateSpace", "sagemaker:DeleteApp", "sagemaker:DeleteSpace", "sagemaker:UpdateSpace"],
          Resource: [sm("app/d-abc123/*/*/*"), sm("space/d-abc123/*")],
          Condition: { ArnLike: { "sagemaker:OwnerUserProfileArn": sm("user-profile/d-abc123/ds-*") } },
        },
        {
          Sid: "StudioProfileApps",
          Effect: "Allow",
          Action: ["sagemaker:CreateApp", "sagemaker:DeleteApp"],
          Resource: sm("app/d-abc123/ds-*/*/*"),
        },
        {
          Sid: "StudioTagOnCreate",
          Effect: "Allow",
          Action: "sagemaker:AddTags",
          Resource: [sm("app/d-abc123/*/*/*"), sm("space/d-abc123/*")],
          Condition: { StringEquals: { "sagemaker:TaggingAction": ["CreateApp", "CreateSpace"] } },
        },
        {
          Sid: "StudioOpenTeamProfiles",
          Effect: "Allow",
          Action: ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"],
          Resource: sm("user-profile/d-abc123/ds-*"),
          Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
        },
        {
          Sid: "StudioDescribeDomainSpacesAndApps",
          Effect: "Allow",
          Action: ["sagemaker:DescribeApp", "sagemaker:DescribeDomain", "sagemaker:DescribeSpace"],
          Resource: [sm("app/d-abc123/*/*/*"), sm("domain/d-abc123"), sm("space/d-abc123/*")],
        },
        {
          Sid: "StudioList",
          Effect: "Allow",
          Action: ["sagemaker:ListApps", "sagemaker:ListDomains", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles"],
          Resource: "*",
        },
        {
          Sid: "ExperimentsDescribe",
          Effect: "Allow",
          Action: ["sagemaker:DescribeExperiment", "sagemaker:DescribeTrial"],
          Resource: [sm("experiment-trial/ds-*"), sm("experiment/ds-*")],
          Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
        },
        {
          Sid: "ExperimentsReadTrialComponents",
          Effect: "Allow",
          Action: ["sagemaker:BatchGetMetrics", "sagemaker:DescribeTrialComponent"],
          Resource: [sm("experiment-trial-component/ds-*"), sm("training-job/ds-*")],
        },
        {
          Sid: "ExperimentsListAndLineage",
          Effect: "Allow",
          Action: [
            "sagemaker:GetSearchSuggestions",
            "sagemaker:ListExperiments",
            "sagemaker:ListTrialComponents",
            "sagemaker:ListTrials",
            "sagemaker:QueryLineage",
          ],
          Resource: "*",
        },
        {
          Sid: "SearchTeamResources",
          Effect: "Allow",
          Action: "sagemaker:Search",
          Resource: "*",
          Condition: { StringEquals: { "sagemaker:SearchVisibilityCondition/Tags.team/EqualsIfExists": "ds" } },
        },
        {
          Sid: "S3ReadOnlyBuckets",
          Effect: "Allow",
          Action: ["s3:GetBucketLocation", "s3:ListBucket"],
          Resource: ["arn:aws:s3:::ds-artifacts", "arn:aws:s3:::ds-datasets"],
        },
        {
          Sid: "S3ReadOnlyObjects",
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: ["arn:aws:s3:::ds-artifacts/*", "arn:aws:s3:::ds-datasets/*"],
        },
      ],
    });
  });

  it("passes every policy rule with no findings, and each policy fits the managed policy quota", async () => {
    for (const policy of dataScientist(context, resources).access) {
      const document = await render(policy.statements);
      expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
      expect(policyCharacterCount(renderPolicyJson(document))).toBeLessThan(defaultQuotas.managedPolicyCharacters);
    }
  });

  it("leaves Studio out when the team has no domain, and reads only under the team's prefix when it has one", async () => {
    const policies = dataScientist(context, { ...resources, studioDomainId: undefined, s3KeyPrefix: "ds/" });
    const json = JSON.stringify(await render(policies.access[1]!.statements));
    expect(json).not.toMatch(/Studio|CreatePresignedDomainUrl/);
    expect(json).toContain('"arn:aws:s3:::ds-datasets/ds/*"');
    expect(json).toContain('"s3:prefix":"ds/*"');
  });
});
