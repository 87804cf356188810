import { planPrincipals, simulate, type SimulationDecision } from "@ml-iam/analysis";
import { planAndProveWorkspaceStacks } from "@ml-iam/analysis/src/testing";
import { workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import type { PlanFile } from "@ml-iam/plan";
import { policyCharacterCount, renderPolicyJson, type PolicyDocumentJson } from "@ml-iam/iam";

// What the central boundary leaves a team principal whose own policies allow everything (`Allow *:*`, which a
// team's deploy role may create and attach), as IAM decides it over the dev plan: the boundary is the fence.

const account = "111111111111";
const teams = ["central-ai", "data-scientists", "distributed-ml", "model-builders"];
const allowEverything: PolicyDocumentJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

let central: PlanFile;
let boundary: PolicyDocumentJson;
beforeAll(async () => {
  [central] = await planAndProveWorkspaceStacks(["central-ai"], "dev");
  boundary = planPrincipals([central]).find((principal) => principal.name === "central-ai-access")!.boundary!.document!;
}, workspacePlanTimeout);

/** How IAM decides a request of a role of `team` (or of a role with no team tag) holding `Allow *:*` within the boundary. */
function decide(team: string | undefined, action: string, resource: string, context: Record<string, string | string[]> = {}): SimulationDecision {
  const principal = `arn:aws:iam::${account}:role/ml/${team ?? "untagged"}/${team ?? "untagged"}-anything`;
  const tags: Record<string, string> = team === undefined ? {} : { "aws:PrincipalTag/team": team };
  return simulate({ action, resource, context: { "aws:PrincipalArn": principal, "aws:PrincipalAccount": account, ...tags, ...context } }, { identity: [allowEverything], boundary }).decision;
}

const sharedPolicies = () => [central.outputs.datasetsReadPolicyArn, central.outputs.sagemakerReadOnlyPolicyArn, central.outputs.sagemakerFullAccessPolicyArn, central.outputs.permissionsBoundaryArn] as string[];

describe.each(teams)("a role of %s allowed everything, within the central boundary", (team) => {
  it.each(["iam:SetDefaultPolicyVersion", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:DeletePolicy"])("may not %s on the boundary or a shared policy", (action) => {
    for (const policy of sharedPolicies()) expect([policy, decide(team, action, policy)]).toEqual([policy, "ExplicitlyDenied"]);
  });

  it("writes IAM only under its own team's path", () => {
    expect(decide(team, "iam:PutRolePolicy", `arn:aws:iam::${account}:role/ml/${team}/${team}-job`)).toBe("Allowed");
    for (const other of teams.filter((candidate) => candidate !== team)) {
      expect(decide(team, "iam:PutRolePolicy", `arn:aws:iam::${account}:role/ml/${other}/${other}-job`)).toBe("ExplicitlyDenied");
      expect(decide(team, "iam:SetDefaultPolicyVersion", `arn:aws:iam::${account}:policy/ml/${other}/${other}-ml-jobs`)).toBe("ExplicitlyDenied");
    }
    expect(decide(team, "iam:SetDefaultPolicyVersion", `arn:aws:iam::${account}:policy/ml-platform/deploy/${team}-deploy-state`)).toBe("ExplicitlyDenied");
  });
});

describe.each(teams)("the data of %s, to a role of another team allowed everything within the central boundary", (team) => {
  const others = teams.filter((candidate) => candidate !== team);
  it.each([
    ["s3:GetObject", `arn:aws:s3:::${team}-artifacts-dev/${team}-train/output/model.tar.gz`],
    ["s3:PutObject", `arn:aws:s3:::${team}-datasets-dev/train/part-0.parquet`],
    ["s3:ListBucket", `arn:aws:s3:::${team}-artifacts-dev`],
    ["ecr:BatchGetImage", `arn:aws:ecr:us-east-1:${account}:repository/${team}/training`],
    ["ecr:PutImage", `arn:aws:ecr:us-east-1:${account}:repository/${team}/training`],
    ["sagemaker:StopTrainingJob", `arn:aws:sagemaker:us-east-1:${account}:training-job/${team}-train`],
    ["sagemaker:DescribeTrainingJob", `arn:aws:sagemaker:us-east-1:${account}:training-job/pipelines-a1b2c3d4e5f6-train-0kq1bxk9ab`],
    ["sagemaker:DeleteEndpoint", `arn:aws:sagemaker:us-east-1:${account}:endpoint/${team}-endpoint`],
    ["sagemaker:InvokeEndpoint", `arn:aws:sagemaker:us-east-1:${account}:endpoint/${team}-endpoint`],
    ["sagemaker:CreatePresignedDomainUrl", `arn:aws:sagemaker:us-east-1:${account}:user-profile/d-4xmplde7dev1/${team}-erin`],
    ["ec2:TerminateInstances", `arn:aws:ec2:us-east-1:${account}:instance/i-0fedcba9876543210`],
    ["ec2:StopInstances", `arn:aws:ec2:us-east-1:${account}:instance/i-0fedcba9876543210`],
    ["ec2:DeleteTags", `arn:aws:ec2:us-east-1:${account}:instance/i-0fedcba9876543210`],
    ["logs:GetLogEvents", `arn:aws:logs:us-east-1:${account}:log-group:/aws/sagemaker/TrainingJobs:log-stream:${team}-train/algo-1-1764806400`],
    ["logs:PutLogEvents", `arn:aws:logs:us-east-1:${account}:log-group:/ml/${team}/nodes:log-stream:node-1`],
  ])("is closed: %s on %s", (action, resource) => {
    // The resource carries its team's tag, as every resource the team creates does.
    const owned = { "aws:ResourceTag/team": team };
    for (const other of others) expect([other, decide(other, action, resource, owned)]).toEqual([other, expect.stringMatching(/Denied$/)]);
    // And open to the team itself, so the fence is the team, not the action.
    expect(decide(team, action, resource, owned)).toBe("Allowed");
  });

  it("is not retagged by another team: tags are added to SageMaker resources only as part of their creation", () => {
    const job = `arn:aws:sagemaker:us-east-1:${account}:training-job/pipelines-a1b2c3d4e5f6-train-0kq1bxk9ab`;
    for (const other of others) {
      expect(decide(other, "sagemaker:AddTags", job, { "aws:ResourceTag/team": team, "aws:RequestTag/team": other, "aws:TagKeys": ["team"] })).toMatch(/Denied$/);
      expect(decide(other, "sagemaker:AddTags", job, { "aws:RequestTag/team": other, "aws:TagKeys": ["team"], "sagemaker:TaggingAction": "CreateTrainingJob" })).toBe("Allowed");
    }
  });
});

describe.each(teams)("a role of %s allowed everything, within the central boundary, on what is everyone's", (team) => {
  const sharedDatasets = () => (central.outputs.datasetBucketArns as string[]).map((arn) => arn.replace(/^arn:aws:s3:::/, ""));
  it("reads the shared datasets and writes none of them", () => {
    for (const bucket of sharedDatasets()) {
      expect(decide(team, "s3:GetObject", `arn:aws:s3:::${bucket}/curated/train/part-0.parquet`)).toBe("Allowed");
      // Only reads are allowed on them (and no shared bucket is named like a team's, which the config refuses).
      for (const write of ["s3:PutObject", "s3:DeleteObject", "s3:PutBucketPolicy"]) expect([write, decide(team, write, `arn:aws:s3:::${bucket}/curated/x`)]).toEqual([write, expect.stringMatching(/Denied$/)]);
    }
  });

  it("reaches no stack's deploy state, which only the delivery roles read and write", () => {
    const state = `arn:aws:s3:::${String(central.config["central-ai:stateBucket"])}/.pulumi/stacks/${team}/dev.json`;
    expect(decide(team, "s3:GetObject", state)).toBe("ExplicitlyDenied");
    const deployRole = { "aws:PrincipalArn": `arn:aws:iam::${account}:role/ml-platform/deploy/${team}-deploy` };
    expect(decide(team, "s3:GetObject", state, deployRole)).toBe("Allowed");
  });
});

describe("the central boundary", () => {
  it("stays one managed policy within AWS's 6,144 characters (whitespace aside)", () => {
    expect(policyCharacterCount(renderPolicyJson(boundary))).toBeLessThanOrEqual(6144);
  });
});

describe("a role without the team tag", () => {
  it.each([
    ["s3:GetObject", "arn:aws:s3:::data-scientists-datasets-dev/train.csv"],
    ["sagemaker:CreateTrainingJob", `arn:aws:sagemaker:us-east-1:${account}:training-job/untagged-job`],
    ["iam:CreateRole", `arn:aws:iam::${account}:role/ml/untagged/untagged-x`],
    ["sts:GetCallerIdentity", "*"],
  ])("is denied %s, whatever its policies allow", (action, resource) => {
    expect(decide(undefined, action, resource)).toBe("ExplicitlyDenied");
  });
});
