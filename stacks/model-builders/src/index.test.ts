import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelBuilders } from "@ml-iam/contracts";
import { planAndProveWorkspaceStacks, provenWorkflow, withoutGrant } from "@ml-iam/analysis/src/testing";
import { documentOf, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { planStack, readWorkspaceStack, type PlanFile } from "@ml-iam/plan";

let plan: PlanFile;
let central: PlanFile;
let prod: PlanFile;
// central-ai (the upstream of model-builders, whose outputs and boundary the plan uses), then model-builders, with
// the stack's declared workflows proven over both, as `npm run plan` does; prod as well.
beforeAll(async () => {
  [central, plan] = await planAndProveWorkspaceStacks(["central-ai", "model-builders"], "dev");
  [prod] = await planAndProveWorkspaceStacks(["model-builders"], "prod");
}, workspacePlanTimeout);

const configured = (key: string) => plan.config[`model-builders:${key}`] as string[];
const roleNamed = (name: string) => resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.inputs.name === name)!;
const singleResource = (type: string) => {
  const [resource, ...others] = resourcesOfType(plan, type);
  expect(others).toEqual([]);
  return resource!;
};
const principalsOf = (workflow: string) => new Set(provenWorkflow(plan, workflow).steps.map((step) => step.principal));

describe("the model builders stack", () => {
  it("exports every output of its contract", () => {
    expect(modelBuilders.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs).toMatchObject({
      accessRoleArn: "arn:aws:iam::111111111111:role/ml/model-builders/model-builders-access",
      jobRoleArn: "arn:aws:iam::111111111111:role/ml/model-builders/model-builders-job",
      pipelineRoleArn: "arn:aws:iam::111111111111:role/ml/model-builders/model-builders-pipeline",
      policyArn: "arn:aws:iam::111111111111:policy/ml/model-builders/model-builders-job-runtime",
    });
  });

  it.each([
    ["dev", () => plan],
    ["prod", () => prod],
  ])("proves every workflow and never-workflow it declares in %s", (_env, planOf) => {
    expect(planOf().workflows.map((workflow) => [workflow.name, workflow.passed])).toEqual([
      ["train-from-laptop", true],
      ["training-job-runs", true],
      ["push-image", true],
      ["run-pipeline", true],
      ["register-model", true],
      ["deploy-model", true],
      ["sign-in", true],
      ["read-shared-datasets", true],
      ["never-cross-teams", true],
      ["never-write-shared-datasets", true],
      ["never-read-deploy-state", true],
      ["never-sign-in-without-mfa", true],
      ["never-manage-others-credentials", true],
    ]);
  });

  it("proves what people do as the access role", () => {
    for (const workflow of ["train-from-laptop", "push-image", "register-model"]) {
      expect(principalsOf(workflow)).toEqual(new Set(["model-builders-access"]));
    }
  });

  it("runs a pipeline as the pipeline role, whose training step passes the job role", () => {
    const steps = provenWorkflow(plan, "run-pipeline").steps.filter((step) => step.principal === "model-builders-pipeline");
    expect(steps.map((step) => step.action)).toEqual(["sts:AssumeRole", "sagemaker:CreateTrainingJob", "sagemaker:AddTags", "iam:PassRole", "sagemaker:DescribeTrainingJob"]);
    expect(steps.find((step) => step.action === "iam:PassRole")?.resource).toBe(plan.outputs.jobRoleArn);
  });

  it("pushes images to the team's repositories, and pulls them as the job role", () => {
    const push = provenWorkflow(plan, "push-image").steps.filter((step) => step.action === "ecr:PutImage");
    expect(push.map((step) => [step.principal, step.resource])).toEqual([["model-builders-access", `arn:aws:ecr:us-east-1:111111111111:repository/${configured("ecrRepositories")[0]}`]]);
    expect(principalsOf("training-job-runs")).toEqual(new Set(["model-builders-job"]));
  });

  it("lets only SageMaker, on behalf of this account, assume the job and pipeline roles", () => {
    for (const name of ["model-builders-job", "model-builders-pipeline"]) {
      expect(documentOf(roleNamed(name), "assumeRolePolicy").Statement).toEqual([
        {
          Effect: "Allow",
          Principal: { Service: "sagemaker.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
        },
      ]);
    }
  });

  it("lets people in only through the access role, with MFA, from the IAM group", () => {
    expect(documentOf(roleNamed("model-builders-access"), "assumeRolePolicy").Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111111111111:root" },
      Action: "sts:AssumeRole",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    const membership = singleResource("aws:iam/groupMembership:GroupMembership");
    expect(membership.inputs.users).toEqual(configured("members"));
  });

  it("puts the central boundary on every role, and exports it for the identity stack's permission sets", () => {
    for (const role of resourcesOfType(plan, "aws:iam/role:Role")) expect(role.inputs.permissionsBoundary).toBe(central.outputs.permissionsBoundaryArn);
    expect(plan.outputs.permissionsBoundaryArn).toBe(central.outputs.permissionsBoundaryArn);
  });

  it("exports exactly the access role's managed policies as what its people hold, which the identity stack's permission sets attach", () => {
    const accessRolePolicies = resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
      .filter((attachment) => attachment.inputs.role === "model-builders-access")
      .map((attachment) => attachment.inputs.policyArn);
    expect([...(plan.outputs.peoplePolicyArns as string[])].sort()).toEqual([...accessRolePolicies].sort());
    expect(accessRolePolicies).toHaveLength(5);
  });

  it("plans no Identity Center resource: the identity stack holds them all", () => {
    for (const planned of [plan, prod]) expect(planned.steps.filter((step) => /^aws:(identitystore|ssoadmin)\//.test(step.newState.type))).toEqual([]);
  });

  it("replaces explicitly named resources by deleting first, as their names cannot coexist", () => {
    const named = [
      ...resourcesOfType(plan, "aws:iam/role:Role"),
      ...resourcesOfType(plan, "aws:iam/policy:Policy"),
    ];
    expect(named.every((resource) => resource.deleteBeforeReplace)).toBe(true);
  });

  it("refuses Identity Center config, which is the identity stack's, naming the key", async () => {
    const committed = readWorkspaceStack(join(__dirname, ".."));
    const directory = mkdtempSync(join(tmpdir(), "model-builders-"));
    const yaml = `${readFileSync(join(committed.directory, "Pulumi.dev.yaml"), "utf8")}  model-builders:identityStoreId: d-9067a1b2c3\n`;
    writeFileSync(join(directory, "Pulumi.dev.yaml"), yaml);
    jest.resetModules();
    await expect(planStack({ stack: { ...committed, directory }, env: "dev", upstreamPlan: () => central })).rejects.toThrow(
      "model-builders:identityStoreId: is not a config key of this stack (misspelled?)",
    );
  }, 30_000);

  it("plans with no policy warnings", () => {
    expect(plan.diagnostics).toEqual([]);
  });

  it("fails the workflow at the step whose grant is removed, and the pull request's access diff names it", () => {
    // The job role loses the shared datasets, which its work reads.
    const { failures, accessDiff } = withoutGrant(plan, [central], (resource) =>
      resource.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && resource.inputs.role === "model-builders-job" && resource.inputs.policyArn === central.outputs.datasetsReadPolicyArn,
    );
    expect(failures[0]).toMatch(/^workflow training-job-runs, step \d+ \(.+\): s3:\w+ on arn:aws:s3:::ai-datasets-dev\S* as .+ \(model-builders-job\) must be allowed, but no statement grants it$/);
    expect(accessDiff).toMatch(/^- `training-job-runs` of model-builders: holds, \d+ requests → fails, \d+ requests;/m);
  });
});
