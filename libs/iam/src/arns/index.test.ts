import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { scopeFromRegion, type AwsScope } from "../aws-scope";
import { resourceMatchesArnFormat } from "../internal/arn-format-match";
import { findResourceType, serviceExists } from "../internal/service-catalog";
import { resolve, setUpPulumiMocks } from "../testing";
import { arnBuilders, arnTexts, type ArnBuilders } from "./index";

beforeAll(() => setUpPulumiMocks());

/** One builder call, the ARN it must produce ({partition}, {region}, {account} filled from the scope), and a type it must not match. */
interface BuilderCase {
  type: string;
  build: (arns: ArnBuilders) => Arn;
  expected: string;
  notType: string;
}

const domainId = "d-abc123xyz";
const cases: BuilderCase[] = [
  { type: "s3:bucket", build: (a) => a.s3.bucket({ name: "team-a-data" }), expected: "arn:{partition}:s3:::team-a-data", notType: "s3:object" },
  {
    type: "s3:object",
    build: (a) => a.s3.object({ bucket: "team-a-data", key: "datasets/*" }),
    expected: "arn:{partition}:s3:::team-a-data/datasets/*",
    notType: "s3:bucket",
  },
  ...(
    [
      ["notebook-instance", (a) => a.sagemaker.notebookInstance({ name: "team-a-nb" }), "notebook-instance/team-a-nb", "training-job"],
      [
        "notebook-instance-lifecycle-config",
        (a) => a.sagemaker.notebookInstanceLifecycleConfig({ name: "team-a-lcc" }),
        "notebook-instance-lifecycle-config/team-a-lcc",
        "notebook-instance",
      ],
      ["training-job", (a) => a.sagemaker.trainingJob({ name: "team-a-*" }), "training-job/team-a-*", "notebook-instance"],
      ["automl-job", (a) => a.sagemaker.automlJob({ name: "team-a-*" }), "automl-job/team-a-*", "training-job"],
      ["data-quality-job-definition", (a) => a.sagemaker.dataQualityJobDefinition({ name: "team-a-*" }), "data-quality-job-definition/team-a-*", "model-quality-job-definition"],
      ["model-quality-job-definition", (a) => a.sagemaker.modelQualityJobDefinition({ name: "team-a-*" }), "model-quality-job-definition/team-a-*", "data-quality-job-definition"],
      ["model-bias-job-definition", (a) => a.sagemaker.modelBiasJobDefinition({ name: "team-a-*" }), "model-bias-job-definition/team-a-*", "model-quality-job-definition"],
      ["model-explainability-job-definition", (a) => a.sagemaker.modelExplainabilityJobDefinition({ name: "team-a-*" }), "model-explainability-job-definition/team-a-*", "model-bias-job-definition"],
      ["processing-job", (a) => a.sagemaker.processingJob({ name: "team-a-*" }), "processing-job/team-a-*", "training-job"],
      ["transform-job", (a) => a.sagemaker.transformJob({ name: "team-a-*" }), "transform-job/team-a-*", "processing-job"],
      [
        "hyper-parameter-tuning-job",
        (a) => a.sagemaker.hyperParameterTuningJob({ name: "team-a-*" }),
        "hyper-parameter-tuning-job/team-a-*",
        "training-job",
      ],
      ["model", (a) => a.sagemaker.model({ name: "team-a-model" }), "model/team-a-model", "model-package"],
      ["endpoint", (a) => a.sagemaker.endpoint({ name: "team-a-endpoint" }), "endpoint/team-a-endpoint", "endpoint-config"],
      ["endpoint-config", (a) => a.sagemaker.endpointConfig({ name: "team-a-config" }), "endpoint-config/team-a-config", "endpoint"],
      ["pipeline", (a) => a.sagemaker.pipeline({ name: "team-a-pipeline" }), "pipeline/team-a-pipeline", "pipeline-execution"],
      [
        "pipeline-execution",
        (a) => a.sagemaker.pipelineExecution({ pipeline: "team-a-pipeline", id: "*" }),
        "pipeline/team-a-pipeline/execution/*",
        "processing-job",
      ],
      ["domain", (a) => a.sagemaker.domain({ id: domainId }), `domain/${domainId}`, "user-profile"],
      ["user-profile", (a) => a.sagemaker.userProfile({ domainId, name: "alice" }), `user-profile/${domainId}/alice`, "space"],
      [
        "app",
        (a) => a.sagemaker.app({ domainId, userProfile: "alice", type: "JupyterLab", name: "default" }),
        `app/${domainId}/alice/JupyterLab/default`,
        "user-profile",
      ],
      ["space", (a) => a.sagemaker.space({ domainId, name: "team-a-space" }), `space/${domainId}/team-a-space`, "app"],
      ["experiment", (a) => a.sagemaker.experiment({ name: "team-a-exp" }), "experiment/team-a-exp", "experiment-trial"],
      ["experiment-trial", (a) => a.sagemaker.experimentTrial({ name: "team-a-trial" }), "experiment-trial/team-a-trial", "experiment"],
      [
        "experiment-trial-component",
        (a) => a.sagemaker.experimentTrialComponent({ name: "team-a-tc" }),
        "experiment-trial-component/team-a-tc",
        "experiment-trial",
      ],
      ["model-package", (a) => a.sagemaker.modelPackage({ name: "team-a-group/1" }), "model-package/team-a-group/1", "model-package-group"],
      ["model-package-group", (a) => a.sagemaker.modelPackageGroup({ name: "team-a-group" }), "model-package-group/team-a-group", "model-package"],
      [
        "monitoring-schedule",
        (a) => a.sagemaker.monitoringSchedule({ name: "team-a-monitor" }),
        "monitoring-schedule/team-a-monitor",
        "monitoring-schedule-alert",
      ],
      ["image", (a) => a.sagemaker.image({ name: "team-a-image" }), "image/team-a-image", "image-version"],
      ["image-version", (a) => a.sagemaker.imageVersion({ image: "team-a-image", version: "3" }), "image-version/team-a-image/3", "image"],
      [
        "studio-lifecycle-config",
        (a) => a.sagemaker.studioLifecycleConfig({ name: "team-a-lcc" }),
        "studio-lifecycle-config/team-a-lcc",
        "notebook-instance-lifecycle-config",
      ],
    ] satisfies [string, BuilderCase["build"], string, string][]
  ).map(([type, build, resource, notType]) => ({
    type: `sagemaker:${type}`,
    build,
    expected: `arn:{partition}:sagemaker:{region}:{account}:${resource}`,
    notType: `sagemaker:${notType}`,
  })),
  {
    type: "ecr:repository",
    build: (a) => a.ecr.repository({ name: "team-a/*" }),
    expected: "arn:{partition}:ecr:{region}:{account}:repository/team-a/*",
    notType: "sagemaker:image",
  },
  {
    type: "logs:log-group",
    build: (a) => a.logs.logGroup({ name: "/aws/sagemaker/TrainingJobs" }),
    expected: "arn:{partition}:logs:{region}:{account}:log-group:/aws/sagemaker/TrainingJobs:*",
    notType: "logs:destination",
  },
  {
    type: "logs:log-group",
    build: (a) => a.logs.logGroupForTagging({ name: "/aws/sagemaker/TrainingJobs" }),
    expected: "arn:{partition}:logs:{region}:{account}:log-group:/aws/sagemaker/TrainingJobs",
    notType: "logs:log-stream",
  },
  {
    type: "logs:log-stream",
    build: (a) => a.logs.logStream({ group: "/aws/sagemaker/TrainingJobs", stream: "team-a-*" }),
    expected: "arn:{partition}:logs:{region}:{account}:log-group:/aws/sagemaker/TrainingJobs:log-stream:team-a-*",
    notType: "logs:delivery",
  },
  ...(
    [
      ["instance", (a) => a.ec2.instance({ id: "i-0123456789abcdef0" }), "instance/i-0123456789abcdef0", "network-interface"],
      ["network-interface", (a) => a.ec2.networkInterface({ id: "eni-0123456789abcdef0" }), "network-interface/eni-0123456789abcdef0", "instance"],
      ["subnet", (a) => a.ec2.subnet({ id: "subnet-0123456789abcdef0" }), "subnet/subnet-0123456789abcdef0", "vpc"],
      ["security-group", (a) => a.ec2.securityGroup({ id: "sg-0123456789abcdef0" }), "security-group/sg-0123456789abcdef0", "security-group-rule"],
      ["volume", (a) => a.ec2.volume({ id: "vol-0123456789abcdef0" }), "volume/vol-0123456789abcdef0", "snapshot"],
      ["key-pair", (a) => a.ec2.keyPair({ name: "team-a" }), "key-pair/team-a", "launch-template"],
      ["vpc", (a) => a.ec2.vpc({ id: "vpc-0123456789abcdef0" }), "vpc/vpc-0123456789abcdef0", "subnet"],
      ["launch-template", (a) => a.ec2.launchTemplate({ id: "lt-0123456789abcdef0" }), "launch-template/lt-0123456789abcdef0", "instance"],
      ["placement-group", (a) => a.ec2.placementGroup({ name: "team-a-efa" }), "placement-group/team-a-efa", "instance"],
      ["spot-instances-request", (a) => a.ec2.spotInstancesRequest({ id: "*" }), "spot-instances-request/*", "spot-fleet-request"],
    ] satisfies [string, BuilderCase["build"], string, string][]
  ).map(([type, build, resource, notType]) => ({
    type: `ec2:${type}`,
    build,
    expected: `arn:{partition}:ec2:{region}:{account}:${resource}`,
    notType: `ec2:${notType}`,
  })),
  {
    type: "ec2:image",
    build: (a) => a.ec2.image({ id: "ami-0123456789abcdef0" }),
    expected: "arn:{partition}:ec2:{region}::image/ami-0123456789abcdef0",
    notType: "ec2:snapshot",
  },
  { type: "iam:role", build: (a) => a.iam.role({ name: "team-a-trainer" }), expected: "arn:{partition}:iam::{account}:role/team-a-trainer", notType: "iam:user" },
  {
    type: "iam:role",
    build: (a) => a.iam.role({ name: "team-a-*", path: "/ml/" }),
    expected: "arn:{partition}:iam::{account}:role/ml/team-a-*",
    notType: "iam:policy",
  },
  {
    type: "iam:policy",
    build: (a) => a.iam.policy({ name: "team-a-access", path: "/ml/team-a/" }),
    expected: "arn:{partition}:iam::{account}:policy/ml/team-a/team-a-access",
    notType: "iam:role",
  },
  { type: "iam:group", build: (a) => a.iam.group({ name: "data-scientists" }), expected: "arn:{partition}:iam::{account}:group/data-scientists", notType: "iam:user" },
  { type: "iam:user", build: (a) => a.iam.user({ name: "ci" }), expected: "arn:{partition}:iam::{account}:user/ci", notType: "iam:group" },
  {
    type: "iam:instance-profile",
    build: (a) => a.iam.instanceProfile({ name: "team-a-notebooks" }),
    expected: "arn:{partition}:iam::{account}:instance-profile/team-a-notebooks",
    notType: "iam:role",
  },
  {
    type: "iam:oidc-provider",
    build: (a) => a.iam.oidcProvider({ url: "https://token.actions.githubusercontent.com" }),
    expected: "arn:{partition}:iam::{account}:oidc-provider/token.actions.githubusercontent.com",
    notType: "iam:saml-provider",
  },
  {
    type: "kms:key",
    build: (a) => a.kms.key({ id: "1234abcd-12ab-34cd-56ef-1234567890ab" }),
    expected: "arn:{partition}:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    notType: "kms:alias",
  },
  { type: "kms:alias", build: (a) => a.kms.alias({ name: "alias/team-a" }), expected: "arn:{partition}:kms:{region}:{account}:alias/team-a", notType: "kms:key" },
  {
    type: "identitystore:Group",
    build: (a) => a.identitystore.group({ id: "906752b2d5-1a2b3c4d-5e6f" }),
    expected: "arn:{partition}:identitystore:::group/906752b2d5-1a2b3c4d-5e6f",
    notType: "identitystore:User",
  },
  {
    type: "identitystore:User",
    build: (a) => a.identitystore.user({ id: "906752b2d5-9f8e7d6c-5b4a" }),
    expected: "arn:{partition}:identitystore:::user/906752b2d5-9f8e7d6c-5b4a",
    notType: "identitystore:Group",
  },
  {
    type: "identitystore:Identitystore",
    build: (a) => a.identitystore.identityStore({ id: "d-9067abcdef" }),
    expected: "arn:{partition}:identitystore::{account}:identitystore/d-9067abcdef",
    notType: "identitystore:Group",
  },
  {
    type: "sso:Instance",
    build: (a) => a.sso.instance({ id: "ssoins-1234567890abcdef" }),
    expected: "arn:{partition}:sso:::instance/ssoins-1234567890abcdef",
    notType: "sso:PermissionSet",
  },
  {
    type: "sso:PermissionSet",
    build: (a) => a.sso.permissionSet({ instanceId: "ssoins-1234567890abcdef", id: "ps-0123456789abcdef" }),
    expected: "arn:{partition}:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef",
    notType: "sso:Instance",
  },
  {
    type: "ssm:document",
    build: (a) => a.ssm.document({ name: "SSM-SessionManagerRunShell" }),
    expected: "arn:{partition}:ssm:{region}:{account}:document/SSM-SessionManagerRunShell",
    notType: "ssm:session",
  },
  {
    type: "ssm:session",
    build: (a) => a.ssm.session({ id: "carol-0123456789abcdef0" }),
    expected: "arn:{partition}:ssm:{region}:{account}:session/carol-0123456789abcdef0",
    notType: "ssm:document",
  },
  { type: "sso:Account", build: (a) => a.sso.account({ id: "210987654321" }), expected: "arn:{partition}:sso:::account/210987654321", notType: "sso:Instance" },
];

const scopes: AwsScope[] = [scopeFromRegion("eu-west-1", "123456789012"), scopeFromRegion("us-gov-west-1", "123456789012")];

function arnFormat(type: string): string {
  const [service = "", name = ""] = type.split(":");
  const info = findResourceType(service, name);
  if (!info) throw new Error(`no resource type ${type} in the IAM data`);
  return info.arnFormat;
}

function fill(template: string, scope: AwsScope): string {
  return template
    .replace("{partition}", String(scope.partition))
    .replace("{region}", String(scope.region))
    .replace("{account}", String(scope.account));
}

describe("arnBuilders", () => {
  const table = scopes.flatMap((scope) => cases.map((c) => ({ ...c, scope, partition: String(scope.partition) })));

  it.each(table)("builds a $type ARN in partition $partition: $expected", async ({ type, build, expected, scope }) => {
    const arn = build(arnBuilders(scope));
    expect(arn.resourceType).toBe(type);
    expect(await resolve(arn.value)).toBe(fill(expected, scope));
  });

  it.each(table)("builds a $type ARN in partition $partition that its format accepts and $notType's rejects", async ({ type, build, notType, scope }) => {
    const value = await resolve(build(arnBuilders(scope)).value);
    expect(resourceMatchesArnFormat(value, arnFormat(type))).toBe(true);
    expect(resourceMatchesArnFormat(value, arnFormat(notType))).toBe(false);
  });

  it.each(table)("builds the same $type ARN as text, for workflows and analysis: $expected", ({ build, expected, scope }) => {
    const texts = arnTexts({ partition: String(scope.partition), region: String(scope.region), account: String(scope.account) });
    const arn = build(texts as unknown as ArnBuilders) as unknown as { value: unknown };
    expect(arn.value).toBe(fill(expected, scope));
  });

  it("takes the partition from the scope, so China regions get aws-cn ARNs", async () => {
    const arns = arnBuilders(scopeFromRegion("cn-north-1", "123456789012"));
    expect(await resolve(arns.s3.bucket({ name: "team-a-data" }).value)).toBe("arn:aws-cn:s3:::team-a-data");
    expect(await resolve(arns.sagemaker.trainingJob({ name: "job" }).value)).toBe(
      "arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/job",
    );
  });

  it("accepts Outputs for parts and for the scope", async () => {
    const arns = arnBuilders({ partition: pulumi.output("aws"), region: pulumi.output("us-east-1"), account: pulumi.output("123456789012") });
    const arn = arns.sagemaker.userProfile({ domainId: pulumi.output(domainId), name: pulumi.output("alice") });
    expect(await resolve(arn.value)).toBe(`arn:aws:sagemaker:us-east-1:123456789012:user-profile/${domainId}/alice`);
  });

  it("keys its builder groups by IAM service prefix", () => {
    const prefixes = Object.keys(arnBuilders(scopes[0]!));
    expect(prefixes.filter((prefix) => !serviceExists(prefix))).toEqual([]);
    expect(prefixes.sort()).toEqual([...new Set(cases.map((c) => c.type.split(":")[0]))].sort());
  });
});
