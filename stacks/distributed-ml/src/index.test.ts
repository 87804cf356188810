import { distributedMl } from "@ml-iam/contracts";
import { planAndProveWorkspaceStacks, provenWorkflow, withoutGrant } from "@ml-iam/analysis/src/testing";
import { documentOf, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import type { PlanFile } from "@ml-iam/plan";

let plan: PlanFile;
let prod: PlanFile;
let central: PlanFile;
// central-ai (this stack's upstream, whose outputs and boundary it uses), then this stack, with its declared
// workflows proven over both as `npm run plan` does; prod as well.
beforeAll(async () => {
  [central, plan] = await planAndProveWorkspaceStacks(["central-ai", "distributed-ml"], "dev");
  [prod] = await planAndProveWorkspaceStacks(["distributed-ml"], "prod");
}, workspacePlanTimeout);

const ec2Arn = "arn:aws:ec2:us-east-1:111111111111";
const roleNamed = (purpose: string) => resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.inputs.name === `distributed-ml-${purpose}`)!;
const attachedTo = (purpose: string) =>
  resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
    .filter((attachment) => attachment.inputs.role === `distributed-ml-${purpose}`)
    .map((attachment) => String(attachment.inputs.policyArn).split("/").pop());

describe("the distributed ML stack", () => {
  it("exports every output of its contract", () => {
    expect(distributedMl.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs).toEqual({
      accessRoleArn: "arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-access",
      instanceRoleArn: "arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-instance",
      policyArn: "arn:aws:iam::111111111111:policy/ml/distributed-ml/distributed-ml-ec2-training",
      groupName: "distributed-ml-users",
      // What its people hold, exactly the access role's policies: the identity stack's permission sets attach them.
      peoplePolicyArns: [
        "arn:aws:iam::111111111111:policy/ml/distributed-ml/distributed-ml-ec2-training",
        "arn:aws:iam::111111111111:policy/ml/distributed-ml/distributed-ml-sessions",
        "arn:aws:iam::111111111111:policy/ml/distributed-ml/distributed-ml-datasets",
        "arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-datasets-read",
      ],
      permissionsBoundaryArn: central.outputs.permissionsBoundaryArn,
    });
    const accessRolePolicies = resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
      .filter((attachment) => attachment.inputs.role === "distributed-ml-access")
      .map((attachment) => attachment.inputs.policyArn);
    expect([...accessRolePolicies].sort()).toEqual([...(plan.outputs.peoplePolicyArns as string[])].sort());
  });

  it.each([
    ["dev", () => plan],
    ["prod", () => prod],
  ])("proves every workflow and never-workflow it declares in %s", (_env, planOf) => {
    expect(planOf().workflows.map((workflow) => [workflow.name, workflow.passed])).toEqual([
      ["launch-training-instance", true],
      ["launch-cluster", true],
      ["launch-from-template", true],
      ["launch-spot", true],
      ["training-nodes-run", true],
      ["sign-in", true],
      ["read-shared-datasets", true],
      ["never-cross-teams", true],
      ["never-write-shared-datasets", true],
      ["never-read-deploy-state", true],
      ["never-sign-in-without-mfa", true],
      ["never-manage-others-credentials", true],
    ]);
  });

  it("launches a cluster into a placement group named and tagged for the team, as the instance role", () => {
    const steps = provenWorkflow(plan, "launch-cluster").steps;
    expect(steps.find((step) => step.action === "ec2:CreatePlacementGroup")?.resource).toBe(`${ec2Arn}:placement-group/distributed-ml-efa-cluster`);
    expect(steps.find((step) => step.action === "iam:PassRole")?.resource).toBe(plan.outputs.instanceRoleArn);
    expect(steps.filter((step) => step.action === "ec2:RunInstances").map((step) => step.resource.replace(`${ec2Arn}:`, "").split("/")[0])).toEqual(
      expect.arrayContaining(["instance", "volume", "network-interface", "subnet", "security-group", "placement-group"]),
    );
  });

  it("launches from the configured launch template, and on Spot with the Spot request tagged for the team", () => {
    const template = (plan.config["distributed-ml:launchTemplateIds"] as string[])[0];
    expect(provenWorkflow(plan, "launch-from-template").steps.map((step) => step.resource)).toContain(`${ec2Arn}:launch-template/${template}`);
    expect(provenWorkflow(plan, "launch-spot").steps.filter((step) => step.resource === `${ec2Arn}:spot-instances-request/*`).map((step) => step.action)).toEqual([
      "ec2:RunInstances",
      "ec2:CreateTags",
    ]);
  });

  it("lets nodes reach their data, checkpoints and logs and take Session Manager sessions, which people start", () => {
    const steps = provenWorkflow(plan, "training-nodes-run").steps;
    expect(new Set(steps.map((step) => step.principal))).toEqual(new Set(["distributed-ml-instance", "distributed-ml-access"]));
    expect(steps.filter((step) => step.principal === "distributed-ml-access").map((step) => step.action)).toEqual(["ssm:StartSession", "ssm:StartSession"]);
  });

  it("gives the instance role no launch rights unless the team's clusters launch their own workers", () => {
    expect(plan.config["distributed-ml:clusterLaunchesWorkers"]).toBeUndefined();
    expect(attachedTo("instance").sort()).toEqual(["central-ai-datasets-read", "distributed-ml-node"]);
    expect(attachedTo("access").sort()).toEqual(["central-ai-datasets-read", "distributed-ml-datasets", "distributed-ml-ec2-training", "distributed-ml-sessions"]);
  });

  it("lets only EC2 assume the instance role, through an instance profile under the team path", () => {
    expect(documentOf(roleNamed("instance"), "assumeRolePolicy").Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    expect(resourcesOfType(plan, "aws:iam/instanceProfile:InstanceProfile").map((profile) => profile.inputs)).toEqual([
      { name: "distributed-ml-instance", path: "/ml/distributed-ml/", role: "distributed-ml-instance" },
    ]);
  });

  it("lets people in only through the access role, with MFA, and the group assume exactly that role", () => {
    expect(documentOf(roleNamed("access"), "assumeRolePolicy").Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111111111111:root" },
      Action: "sts:AssumeRole",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    const [membership] = resourcesOfType(plan, "aws:iam/groupMembership:GroupMembership");
    expect(membership?.inputs).toMatchObject({ group: plan.outputs.groupName, users: ["erin.dml", "frank.dml"] });
  });

  it("puts the central boundary on every role and attaches central's datasets policy by the ARN it exports", () => {
    expect(plan.references).toEqual([
      { project: "central-ai", stack: "organization/central-ai/dev", keys: ["datasetsReadPolicyArn", "permissionsBoundaryArn"] },
    ]);
    const roles = resourcesOfType(plan, "aws:iam/role:Role");
    expect(roles.map((role) => role.inputs.name)).toEqual(["distributed-ml-access", "distributed-ml-instance"]);
    for (const role of roles) expect(role.inputs.permissionsBoundary).toBe(central.outputs.permissionsBoundaryArn);
  });

  it("plans with no policy warnings", () => {
    expect(plan.diagnostics).toEqual([]);
  });

  it("fails the workflow at the step whose grant is removed, and the pull request's access diff names it", () => {
    // The instance role loses the shared datasets, which its work reads.
    const { failures, accessDiff } = withoutGrant(plan, [central], (resource) =>
      resource.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && resource.inputs.role === "distributed-ml-instance" && resource.inputs.policyArn === central.outputs.datasetsReadPolicyArn,
    );
    expect(failures[0]).toMatch(/^workflow read-shared-datasets, step \d+ \(.+\): s3:\w+ on arn:aws:s3:::ai-datasets-dev\S* as .+ \(distributed-ml-instance\) must be allowed, but no statement grants it$/);
    expect(accessDiff).toMatch(/^- `read-shared-datasets` of distributed-ml: holds, \d+ requests → fails, \d+ requests;/m);
  });
});
