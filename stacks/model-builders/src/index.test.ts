import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelBuilders } from "@ml-iam/contracts";
import { planAndProveWorkspaceStacks, provenWorkflow } from "@ml-iam/analysis/src/testing";
import { documentOf, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { planStack, readWorkspaceStack, type PlanFile, type PlannedResource } from "@ml-iam/plan";

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
      ["read-shared-datasets", true],
      ["never-cross-teams", true],
      ["never-write-shared-datasets", true],
      ["never-read-deploy-state", true],
    ]);
  });

  it("proves what people do for the access role and the Identity Center permission set alike", () => {
    for (const workflow of ["train-from-laptop", "push-image", "register-model"]) {
      expect(principalsOf(workflow)).toEqual(new Set(["model-builders-access", "model-builders-dev"]));
    }
  });

  it("runs a pipeline as the pipeline role, whose training step passes the job role", () => {
    const steps = provenWorkflow(plan, "run-pipeline").steps.filter((step) => step.principal === "model-builders-pipeline");
    expect(steps.map((step) => step.action)).toEqual(["sts:AssumeRole", "sagemaker:CreateTrainingJob", "sagemaker:AddTags", "iam:PassRole", "sagemaker:DescribeTrainingJob"]);
    expect(steps.find((step) => step.action === "iam:PassRole")?.resource).toBe(plan.outputs.jobRoleArn);
  });

  it("pushes images to the team's repositories, and pulls them as the job role", () => {
    const push = provenWorkflow(plan, "push-image").steps.filter((step) => step.action === "ecr:PutImage");
    expect(push.map((step) => step.resource)).toEqual(Array(2).fill(`arn:aws:ecr:us-east-1:111111111111:repository/${configured("ecrRepositories")[0]}`));
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

  it("puts the central boundary on every role and on the permission set", () => {
    for (const role of resourcesOfType(plan, "aws:iam/role:Role")) expect(role.inputs.permissionsBoundary).toBe(central.outputs.permissionsBoundaryArn);
    expect(singleResource("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment").inputs.permissionsBoundary).toEqual({
      customerManagedPolicyReference: { name: "central-ai-team-boundary", path: "/ml/central-ai/" },
    });
  });

  it("adds each configured Identity Center user to the group by the ID its user name resolves to", () => {
    const userNames = configured("identityStoreUsers");
    const lookups = plan.planValues.filter((value) => value.token === "aws:identitystore/getUser:getUser");
    expect(lookups.map((lookup) => lookup.args)).toEqual(
      userNames.map((userName) => ({
        identityStoreId: "d-9067a1b2c3",
        alternateIdentifier: { uniqueAttribute: { attributePath: "UserName", attributeValue: userName } },
      })),
    );
    const group = singleResource("aws:identitystore/group:Group");
    const memberships = resourcesOfType(plan, "aws:identitystore/groupMembership:GroupMembership");
    expect(memberships.map((membership) => membership.inputs)).toEqual(
      lookups.map((lookup) => ({ identityStoreId: "d-9067a1b2c3", groupId: group.outputs.groupId, memberId: lookup.result.userId })),
    );
    expect(plan.outputs.identityStoreGroupId).toBe(group.outputs.groupId);
  });

  it("assigns the permission set to the Identity Store group in the env's account", () => {
    const permissionSet = singleResource("aws:ssoadmin/permissionSet:PermissionSet");
    expect(permissionSet.outputs.arn).toBe(plan.outputs.permissionSetArn);
    expect(singleResource("aws:ssoadmin/accountAssignment:AccountAssignment").inputs).toEqual({
      instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
      permissionSetArn: plan.outputs.permissionSetArn,
      principalType: "GROUP",
      principalId: plan.outputs.identityStoreGroupId,
      targetType: "AWS_ACCOUNT",
      targetId: "111111111111",
    });
  });

  it("grants through the permission set exactly the managed policies of the access role", () => {
    const policies = [...resourcesOfType(plan, "aws:iam/policy:Policy"), ...resourcesOfType(central, "aws:iam/policy:Policy")];
    const policyArnByName = new Map(policies.map((policy) => [policy.inputs.name, policy.outputs.arn]));
    const setPolicies = resourcesOfType(plan, "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment").map(
      (attachment: PlannedResource) => {
        expect(attachment.inputs.permissionSetArn).toBe(plan.outputs.permissionSetArn);
        const { name, path } = attachment.inputs.customerManagedPolicyReference as { name: string; path: string };
        expect(policyArnByName.get(name)).toBe(`arn:aws:iam::111111111111:policy${path}${name}`);
        return policyArnByName.get(name);
      },
    );
    const accessRolePolicies = resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
      .filter((attachment) => attachment.inputs.role === "model-builders-access")
      .map((attachment) => attachment.inputs.policyArn);
    expect(setPolicies.sort()).toEqual(accessRolePolicies.sort());
    expect(setPolicies.length).toBe(5);
  });

  it("names its Identity Center group and permission set by env, as one organization instance serves every env", () => {
    const names = (p: PlanFile) => [
      resourcesOfType(p, "aws:identitystore/group:Group")[0]?.inputs.displayName,
      resourcesOfType(p, "aws:ssoadmin/permissionSet:PermissionSet")[0]?.inputs.name,
    ];
    expect(names(plan)).toEqual(["model-builders-dev", "model-builders-dev"]);
    expect(names(prod)).toEqual(["model-builders-prod", "model-builders-prod"]);
    expect(resourcesOfType(prod, "aws:ssoadmin/accountAssignment:AccountAssignment")[0]?.inputs.targetId).toBe("222222222222");
  });

  it("replaces explicitly named resources by deleting first, as their names cannot coexist", () => {
    const named = [
      ...resourcesOfType(plan, "aws:iam/role:Role"),
      ...resourcesOfType(plan, "aws:iam/policy:Policy"),
      ...resourcesOfType(plan, "aws:identitystore/group:Group"),
      ...resourcesOfType(plan, "aws:ssoadmin/permissionSet:PermissionSet"),
    ];
    expect(named.every((resource) => resource.deleteBeforeReplace)).toBe(true);
  });

  it("refuses an Identity Store id that is not d-xxxxxxxxxx, naming the key", async () => {
    const committed = readWorkspaceStack(join(__dirname, ".."));
    const directory = mkdtempSync(join(tmpdir(), "model-builders-"));
    const yaml = readFileSync(join(committed.directory, "Pulumi.dev.yaml"), "utf8").replace(/identityStoreId: .*/, "identityStoreId: 9067a1b2c3");
    writeFileSync(join(directory, "Pulumi.dev.yaml"), yaml);
    jest.resetModules();
    await expect(planStack({ stack: { ...committed, directory }, env: "dev", upstreamPlan: () => central })).rejects.toThrow(
      "model-builders:identityStoreId: is not an Identity Store id (d-xxxxxxxxxx)",
    );
  }, 30_000);

  it("plans with no policy warnings", () => {
    expect(plan.diagnostics).toEqual([]);
  });
});
