import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { sageMakerCompute } from "./sagemaker-compute";
import type { TeamResources } from "./team-resources";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { iam, ecr, ec2, kms } = arnBuilders(scope);
const keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const resources: TeamResources = {
  jobRoles: [iam.role({ name: "ds-job" })],
  datasetBuckets: ["ds-datasets"],
  artifactBuckets: ["ds-artifacts"],
  s3KeyPrefix: "ds/",
  ecrRepositories: [ecr.repository({ name: "ds/training" })],
  vpc: { subnets: [ec2.subnet({ id: "subnet-0a" })], securityGroups: [ec2.securityGroup({ id: "sg-0c" })] },
  kmsKeys: [kms.key({ id: "1234abcd-12ab-34cd-56ef-1234567890ab" })],
};

async function statementsOf(statements: Statement[]): Promise<StatementJson[]> {
  return toPolicyJson((await resolve(pulumi.output(statements))) as unknown as ResolvedStatement[]).Statement as StatementJson[];
}

/** Each statement as Sid → [actions, resources], so the grants read at a glance. */
async function grantsBySid(statements: Statement[]): Promise<Record<string, [unknown, unknown]>> {
  return Object.fromEntries((await statementsOf(statements)).map((s) => [s.Sid, [s.Action, s.Resource]]));
}

describe("sageMakerCompute", () => {
  it("configures the job role only, in a data and a runtime policy", () => {
    const policies = sageMakerCompute(context, resources);
    expect(Object.keys(policies)).toEqual(["job"]);
    expect(policies.job?.map((policy) => policy.name)).toEqual(["data", "runtime"]);
  });

  it("reads datasets, writes artifacts, under the team's prefix, and uses the team's keys through SageMaker and S3", async () => {
    const [data] = sageMakerCompute(context, resources).job!;
    expect(await grantsBySid(data!.statements)).toEqual({
      S3ReadOnlyBucketLocation: ["s3:GetBucketLocation", "arn:aws:s3:::ds-datasets"],
      S3ReadOnlyListPrefix: ["s3:ListBucket", "arn:aws:s3:::ds-datasets"],
      S3ReadOnlyObjects: ["s3:GetObject", "arn:aws:s3:::ds-datasets/ds/*"],
      S3ReadWriteBucketLocation: ["s3:GetBucketLocation", "arn:aws:s3:::ds-artifacts"],
      S3ReadWriteListPrefix: ["s3:ListBucket", "arn:aws:s3:::ds-artifacts"],
      S3ReadWriteObjects: [
        ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
        "arn:aws:s3:::ds-artifacts/ds/*",
      ],
      KmsUseKeysViaSageMaker: [["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"], keyArn],
      KmsGrantToSageMakerResources: ["kms:CreateGrant", keyArn],
    });
    const kmsConditions = (await statementsOf(data!.statements)).filter((s) => s.Sid?.startsWith("Kms")).map((s) => s.Condition);
    for (const condition of kmsConditions) {
      expect(condition?.StringEquals).toEqual({ "kms:ViaService": ["s3.us-east-1.amazonaws.com", "sagemaker.us-east-1.amazonaws.com"] });
    }
  });

  it("pulls the team's images, writes the logs and metrics of the team's jobs, and attaches jobs to the team's subnets", async () => {
    const [, runtime] = sageMakerCompute(context, resources).job!;
    const logs = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/sagemaker";
    const ec2Arn = "arn:aws:ec2:us-east-1:111122223333";
    expect(await grantsBySid(runtime!.statements)).toEqual({
      EcrAuthorizationToken: ["ecr:GetAuthorizationToken", "*"],
      EcrPullImages: [
        ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        "arn:aws:ecr:us-east-1:111122223333:repository/ds/training",
      ],
      SageMakerLogGroups: [
        ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
        [`${logs}/Endpoints/ds-*:*`, `${logs}/ProcessingJobs:*`, `${logs}/TrainingJobs:*`, `${logs}/TransformJobs:*`],
      ],
      SageMakerLogStreams: [
        ["logs:CreateLogStream", "logs:PutLogEvents"],
        [
          `${logs}/Endpoints/ds-*:log-stream:*`,
          `${logs}/ProcessingJobs:log-stream:ds-*`,
          `${logs}/TrainingJobs:log-stream:ds-*`,
          `${logs}/TransformJobs:log-stream:ds-*`,
        ],
      ],
      SageMakerMetrics: ["cloudwatch:PutMetricData", "*"],
      VpcCreateNetworkInterfaces: [
        "ec2:CreateNetworkInterface",
        [`${ec2Arn}:network-interface/*`, `${ec2Arn}:security-group/sg-0c`, `${ec2Arn}:subnet/subnet-0a`],
      ],
      VpcManageNetworkInterfaces: [["ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"], `${ec2Arn}:network-interface/*`],
      VpcAuthorizeSageMaker: ["ec2:CreateNetworkInterfacePermission", `${ec2Arn}:network-interface/*`],
      VpcDescribe: [
        ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"],
        "*",
      ],
    });
  });

  it("grants no SageMaker API and passes no role: SageMaker, not the job, holds those", async () => {
    const policies = sageMakerCompute(context, resources);
    const json = JSON.stringify(await Promise.all(policies.job!.map((policy) => statementsOf(policy.statements))));
    expect(json).not.toMatch(/"sagemaker:|iam:PassRole/);
  });

  it("leaves out images, VPC and KMS when the team has none", async () => {
    const minimal = { jobRoles: resources.jobRoles, datasetBuckets: ["ds-datasets"], artifactBuckets: ["ds-artifacts"] };
    const policies = sageMakerCompute(context, minimal);
    const sids = (await Promise.all(policies.job!.map((policy) => statementsOf(policy.statements)))).flat().map((s) => s.Sid);
    expect(sids).toEqual([
      "S3ReadOnlyBuckets",
      "S3ReadOnlyObjects",
      "S3ReadWriteBuckets",
      "S3ReadWriteObjects",
      "SageMakerLogGroups",
      "SageMakerLogStreams",
      "SageMakerMetrics",
    ]);
  });

  it("passes every policy rule with no findings", async () => {
    for (const { name, statements } of sageMakerCompute(context, resources).job!) {
      const document = toPolicyJson((await resolve(pulumi.output(statements))) as unknown as ResolvedStatement[]);
      expect([name, validatePolicy(document, { kind: "identity" })]).toEqual([name, []]);
    }
  });

  it.each<[string, Partial<TeamResources>, RegExp]>([
    ["no dataset bucket", { datasetBuckets: [] }, /s3BucketAccess needs at least one bucket/],
    ["no artifact bucket", { artifactBuckets: [] }, /s3BucketAccess needs at least one bucket/],
    ["a key prefix without its trailing slash", { s3KeyPrefix: "ds" }, /prefix must be a key prefix/],
    ["a VPC without subnets", { vpc: { subnets: [], securityGroups: resources.vpc!.securityGroups } }, /at least one subnet/],
  ])("rejects %s", (_name, extra, message) => {
    expect(() => sageMakerCompute(context, { ...resources, ...extra })).toThrow(message);
  });
});
