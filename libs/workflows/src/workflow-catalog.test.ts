import { actionsNamedBy, findResourceType, resourceMatchesArnFormat } from "@ml-iam/iam";
import { sampleConfig, sampleTeam } from "./testing";
import { MissingWorkflowInputError } from "./team-resources";
import { findWorkflow, workflowCatalog } from "./workflow-catalog";
import type { WorkflowStep } from "./workflow";

const actorOf = (step: WorkflowStep) => (typeof step.actor === "string" ? step.actor : `${step.actor.service}>${step.actor.assumes}`);
const requests = (name: string) => [...new Set(findWorkflow(name).steps(sampleTeam()).map((step) => `${actorOf(step)} ${step.action}`))];

describe("the workflow catalog", () => {
  it.each<[string, string[]]>([
    ["open-studio", ["person sagemaker:DescribeUserProfile", "person sagemaker:CreatePresignedDomainUrl", "studio sagemaker:DescribeDomain", "studio sagemaker:DescribeUserProfile", "studio sagemaker:ListSpaces", "studio sagemaker:ListApps", "studio sagemaker:CreateSpace", "studio sagemaker:AddTags", "studio sagemaker:DescribeSpace", "studio sagemaker:CreateApp", "studio sagemaker:DescribeApp"]],
    ["train-from-laptop", ["person s3:PutObject", "person kms:GenerateDataKey", "person sagemaker:CreateTrainingJob", "person sagemaker:AddTags", "person iam:PassRole", "person sagemaker:DescribeTrainingJob", "person logs:DescribeLogStreams", "person logs:GetLogEvents"]],
    ["train-from-studio", ["studio s3:PutObject", "studio kms:GenerateDataKey", "studio sagemaker:CreateTrainingJob", "studio sagemaker:AddTags", "studio iam:PassRole", "studio sagemaker:DescribeTrainingJob", "studio logs:DescribeLogStreams", "studio logs:GetLogEvents"]],
    [
      "training-job-runs",
      [
        "sagemaker.amazonaws.com>job sts:AssumeRole", "job ecr:GetAuthorizationToken", "job ecr:BatchCheckLayerAvailability", "job ecr:GetDownloadUrlForLayer", "job ecr:BatchGetImage",
        "job s3:ListBucket", "job s3:GetObject", "job kms:Decrypt", "job s3:PutObject", "job kms:GenerateDataKey", "job logs:CreateLogGroup", "job logs:CreateLogStream",
        "job logs:DescribeLogStreams", "job logs:PutLogEvents", "job cloudwatch:PutMetricData", "job ec2:DescribeNetworkInterfaces", "job ec2:DescribeVpcs", "job ec2:DescribeDhcpOptions",
        "job ec2:DescribeSubnets", "job ec2:DescribeSecurityGroups", "job ec2:CreateNetworkInterface", "job ec2:CreateNetworkInterfacePermission", "job ec2:DeleteNetworkInterfacePermission",
        "job ec2:DeleteNetworkInterface",
      ],
    ],
    ["push-image", ["person ecr:GetAuthorizationToken", "person ecr:BatchCheckLayerAvailability", "person ecr:InitiateLayerUpload", "person ecr:UploadLayerPart", "person ecr:CompleteLayerUpload", "person ecr:PutImage", "person ecr:DescribeImages"]],
    [
      "run-pipeline",
      [
        "person sagemaker:CreatePipeline", "person sagemaker:AddTags", "person iam:PassRole", "person sagemaker:StartPipelineExecution", "person sagemaker:DescribePipelineExecution",
        "person sagemaker:ListPipelineExecutionSteps", "sagemaker.amazonaws.com>pipeline sts:AssumeRole", "pipeline sagemaker:CreateTrainingJob", "pipeline sagemaker:AddTags",
        "pipeline iam:PassRole", "pipeline sagemaker:DescribeTrainingJob",
      ],
    ],
    ["register-model", ["person sagemaker:CreateModelPackageGroup", "person sagemaker:AddTags", "person sagemaker:CreateModelPackage", "person sagemaker:DescribeModelPackageGroup", "person sagemaker:DescribeModelPackage", "person sagemaker:UpdateModelPackage"]],
    [
      "deploy-model",
      [
        "person sagemaker:CreateModel", "person sagemaker:AddTags", "person sagemaker:CreateEndpointConfig", "person sagemaker:CreateEndpoint", "person iam:PassRole",
        "sagemaker.amazonaws.com>model sts:AssumeRole", "model ecr:GetAuthorizationToken", "model ecr:BatchCheckLayerAvailability", "model ecr:GetDownloadUrlForLayer", "model ecr:BatchGetImage",
        "model s3:ListBucket", "model s3:GetObject", "model kms:Decrypt", "model logs:CreateLogGroup", "model logs:CreateLogStream", "model logs:DescribeLogStreams", "model logs:PutLogEvents",
        "model cloudwatch:PutMetricData", "person sagemaker:DescribeEndpoint", "person sagemaker:InvokeEndpoint", "person sagemaker:DeleteEndpoint",
      ],
    ],
    ["read-shared-datasets", ["person s3:ListBucket", "person s3:GetObject", "person kms:Decrypt", "job s3:ListBucket", "job s3:GetObject", "job kms:Decrypt", "instance s3:ListBucket", "instance s3:GetObject", "instance kms:Decrypt"]],
    ["launch-training-instance", ["person iam:PassRole", "person ec2:RunInstances", "person ec2:CreateTags", "person ec2:DescribeInstances", "person ec2:TerminateInstances"]],
    ["launch-cluster", ["person ec2:CreatePlacementGroup", "person ec2:CreateTags", "person iam:PassRole", "person ec2:RunInstances", "person ec2:DescribeInstances", "person ec2:TerminateInstances", "person ec2:DeletePlacementGroup"]],
    ["launch-from-template", ["person ec2:DescribeLaunchTemplateVersions", "person iam:PassRole", "person ec2:RunInstances", "person ec2:CreateTags", "person ec2:DescribeInstances"]],
    ["launch-spot", ["person iam:PassRole", "person ec2:RunInstances", "person ec2:CreateTags", "person ec2:DescribeInstances"]],
    [
      "training-nodes-run",
      [
        "ec2.amazonaws.com>instance sts:AssumeRole", "instance s3:ListBucket", "instance s3:GetObject", "instance kms:Decrypt", "instance s3:PutObject", "instance kms:GenerateDataKey",
        "instance logs:CreateLogGroup", "instance logs:CreateLogStream", "instance logs:DescribeLogStreams", "instance logs:PutLogEvents", "instance ssm:UpdateInstanceInformation",
        "instance ssmmessages:CreateControlChannel", "instance ssmmessages:CreateDataChannel", "instance ssmmessages:OpenControlChannel", "instance ssmmessages:OpenDataChannel", "person ssm:StartSession",
      ],
    ],
    ["view-ml-resources", ["person sagemaker:ListTrainingJobs", "person sagemaker:DescribeTrainingJob", "person sagemaker:ListModels", "person sagemaker:DescribeModel", "person sagemaker:ListEndpoints", "person sagemaker:DescribeEndpoint"]],
    ["never-change-ml-resources", ["person sagemaker:CreateTrainingJob", "person sagemaker:StopTrainingJob", "person sagemaker:CreateEndpoint", "person sagemaker:DeleteModel"]],
    ["sign-in", ["user iam:GetAccountPasswordPolicy", "user iam:ChangePassword", "user iam:CreateVirtualMFADevice", "user iam:EnableMFADevice", "user sts:AssumeRole", "user sts:TagSession"]],
    ["never-manage-others-credentials", ["user iam:CreateVirtualMFADevice", "user iam:EnableMFADevice", "user iam:DeactivateMFADevice", "user iam:UpdateLoginProfile"]],
    ["never-sign-in-without-mfa", ["user sts:AssumeRole", "user sts:TagSession"]],
  ])("makes, for a sample team, the requests of %s", (name, expected) => {
    expect(requests(name)).toEqual(expected);
  });

  it("lists every workflow it has in the table above or in the never-workflow tests below", () => {
    expect([...workflowCatalog.keys()].sort()).toEqual(
      [
        "deploy-model", "launch-cluster", "launch-from-template", "launch-spot", "launch-training-instance", "never-change-ml-resources", "never-cross-teams", "never-read-deploy-state",
        "never-write-shared-datasets", "open-studio", "push-image", "read-shared-datasets", "register-model", "run-pipeline", "train-from-laptop", "train-from-studio", "training-job-runs",
        "training-nodes-run", "view-ml-resources", "sign-in", "never-sign-in-without-mfa", "never-manage-others-credentials",
      ].sort(),
    );
  });

  describe.each([...workflowCatalog.values()].map((definition) => [definition.name, definition] as const))("%s", (_name, definition) => {
    const steps = definition.steps(sampleTeam());

    it("cites the AWS pages it follows", () => {
      expect(definition.sources.length).toBeGreaterThan(0);
      for (const source of definition.sources) expect(source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|www\.pulumi\.com)\//);
    });

    it("asks only for actions IAM has, each on a resource of a type the action is authorized on", () => {
      const wrong = steps.flatMap((step) => {
        const [action] = actionsNamedBy(step.action);
        if (!action) return [`${step.action} is no IAM action`];
        if (step.resource === "*") return action.resourceTypes.some((type) => type.required) ? [`${step.action} requires a resource type, not *`] : [];
        const formats = action.resourceTypes.map((type) => findResourceType(type.name.includes(":") ? type.name.split(":")[0]! : action.service, type.name.split(":").pop()!)?.arnFormat ?? "");
        return formats.some((format) => format !== "" && resourceMatchesArnFormat(step.resource, format)) ? [] : [`${step.action} is not authorized on ${step.resource}`];
      });
      expect(wrong).toEqual([]);
    });

    it("builds every resource from the team's config, the conventions and the central stack, never from another team's values", () => {
      const team = sampleTeam();
      const known = [team.team, team.scope.account, ...Object.values(sampleConfig).flat().map(String), ...team.central.datasetBuckets, team.central.stateBucket!, ...team.otherTeams(), "aws/sagemaker"];
      const unexplained = steps.filter((step) => step.resource !== "*" && !known.some((part) => step.resource.includes(part))).map((step) => `${step.action} ${step.resource}`);
      expect(unexplained).toEqual([]);
    });

    it("says what each request is for", () => {
      for (const step of steps) expect(step.purpose.length).toBeGreaterThan(3);
    });
  });

  it.each<[string, string]>([
    ["open-studio", "studioDomainId"],
    ["train-from-laptop", "artifactBuckets"],
    ["training-job-runs", "ecrRepositories"],
    ["push-image", "ecrRepositories"],
    ["launch-training-instance", "imageIds"],
    ["launch-from-template", "launchTemplateIds"],
    ["training-nodes-run", "datasetBuckets"],
  ])("refuses to build %s for a team whose config lacks %s, naming the key", (name, key) => {
    const config = Object.fromEntries(Object.entries(sampleConfig).filter(([candidate]) => candidate !== key));
    const build = () => findWorkflow(name).steps(sampleTeam({ config }));
    expect(build).toThrow(MissingWorkflowInputError);
    expect(build).toThrow(new RegExp(`^${key} must`));
  });

  it("refuses a workflow whose actor's role the team does not declare, naming the actor", () => {
    expect(() => findWorkflow("run-pipeline").steps(sampleTeam({ roles: { person: "arn:aws:iam::123456789012:role/ml/vision/vision-access", job: "arn:aws:iam::123456789012:role/ml/vision/vision-job" } }))).toThrow(
      "actors.pipeline must name the stack output of the role (in workflows.ts)",
    );
  });

  it("names the workflows there are when asked for one it does not have", () => {
    expect(() => findWorkflow("train-on-a-laptop")).toThrow(/^unknown workflow "train-on-a-laptop": the workflows are open-studio, train-from-laptop/);
  });
});

describe("the never-workflows", () => {
  it("try every request of another team's resources for each role of the team, against two other teams whatever their number", () => {
    const steps = findWorkflow("never-cross-teams").steps(sampleTeam());
    // The sample's model actor runs as its job role: its requests are the job role's.
    expect(new Set(steps.map(actorOf))).toEqual(new Set(["person", "user", "studio", "job", "pipeline", "instance"]));
    const others = new Set(steps.flatMap((step) => /\((search|speech|central-ai)\)$/.exec(step.purpose)?.[1] ?? []));
    // The two after vision in name order, wrapping: central-ai and search.
    expect(others).toEqual(new Set(["central-ai", "search"]));
    const many = sampleTeam({ central: { ...sampleTeam().central, teams: Array.from({ length: 100 }, (_, index) => `team-${index}`) } });
    expect(findWorkflow("never-cross-teams").steps(many).length).toBe(steps.length);
  });

  it("try a colleague's Studio profile for the person only", () => {
    const colleague = findWorkflow("never-cross-teams").steps(sampleTeam()).filter((step) => step.purpose.startsWith("open a colleague's Studio profile"));
    expect(colleague.map((step) => [actorOf(step), step.resource])).toEqual([["person", "arn:aws:sagemaker:eu-west-1:123456789012:user-profile/d-sample1234/vision-ben-vision"]]);
  });

  it("try writes of every shared dataset bucket and reads of the deploy state, for each role", () => {
    expect(findWorkflow("never-write-shared-datasets").steps(sampleTeam()).map((step) => step.resource)).toContain("arn:aws:s3:::company-datasets-dev/curated/train/part-00000.parquet");
    expect(new Set(findWorkflow("never-read-deploy-state").steps(sampleTeam()).map((step) => step.resource))).toEqual(
      new Set(["arn:aws:s3:::company-pulumi-state", "arn:aws:s3:::company-pulumi-state/.pulumi/stacks/vision/dev.json"]),
    );
  });

  it("try the team's access role without MFA, with the key false and with none, and a session tagged as someone else", () => {
    const steps = findWorkflow("never-sign-in-without-mfa").steps(sampleTeam());
    expect(steps.map((step) => [step.action, step.resource, step.context])).toEqual([
      ["sts:AssumeRole", "arn:aws:iam::123456789012:role/ml/vision/vision-access", { "aws:MultiFactorAuthPresent": "false" }],
      ["sts:AssumeRole", "arn:aws:iam::123456789012:role/ml/vision/vision-access", {}],
      [
        "sts:TagSession",
        "arn:aws:iam::123456789012:role/ml/vision/vision-access",
        { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "30", "aws:RequestTag/person": "ana.vision-impostor", "aws:TagKeys": ["person"] },
      ],
    ]);
  });

  it("try nothing of the deploy state where the stacks keep it in Pulumi Cloud", () => {
    const cloud = sampleTeam({ central: { ...sampleTeam().central, stateBucket: undefined } });
    expect(findWorkflow("never-read-deploy-state").steps(cloud)).toEqual([]);
  });
});
