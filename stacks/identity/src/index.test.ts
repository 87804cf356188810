import { identity, modelBuilders } from "@ml-iam/contracts";
import { listWorkspaceStacks, planStack, type PlanFile } from "@ml-iam/plan";
import { planWorkspaceStacks, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let plan: PlanFile;
const teamPlans: Record<string, PlanFile> = {};
// The identity stack's one env reads both envs of model-builders, whose plans the tests compare with.
beforeAll(async () => {
  let dev: PlanFile, prod: PlanFile;
  [plan, dev, prod] = await planWorkspaceStacks(["identity", "model-builders/dev", "model-builders/prod"], "org");
  Object.assign(teamPlans, { dev, prod });
}, workspacePlanTimeout);

const inputsOf = (type: string) => resourcesOfType(plan, type).map((resource) => resource.inputs);
const permissionSetOf = () => plan.outputs.permissionSetArns as Record<string, string>;

describe("the identity stack", () => {
  it("runs in the account that administers Identity Center, through an explicit provider, and says so", () => {
    expect(identity.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.account).toBe("999999999999");
    expect(plan.outputs.identityCenterAccount).toBe("999999999999");
    expect(inputsOf("pulumi:providers:aws")).toEqual([expect.objectContaining({ allowedAccountIds: JSON.stringify(["999999999999"]), region: "us-east-1" })]);
  });

  it("reads each env of the team stacks it assigns, and only the outputs it attaches", () => {
    expect(plan.references).toEqual(
      ["dev", "prod"].map((env) => ({ project: "model-builders", stack: `organization/model-builders/${env}`, keys: ["peoplePolicyArns", "permissionsBoundaryArn"] })),
    );
  });

  it("puts the team's people, looked up by user name, in one group", () => {
    expect(inputsOf("aws:identitystore/group:Group")).toEqual([expect.objectContaining({ displayName: "model-builders", identityStoreId: "d-9067a1b2c3" })]);
    const lookedUp = plan.planValues.filter((value) => value.token === "aws:identitystore/getUser:getUser");
    expect(lookedUp.map((value) => (value.args as { alternateIdentifier: { uniqueAttribute: { attributeValue: string } } }).alternateIdentifier.uniqueAttribute.attributeValue)).toEqual([
      "carol@example.com",
      "dave@example.com",
    ]);
    expect(inputsOf("aws:identitystore/groupMembership:GroupMembership")).toHaveLength(2);
  });

  it.each(["dev", "prod"])("gives the team a permission set in %s holding exactly its people policies, within the central boundary", (env) => {
    const team = modelBuilders.schema.parse(teamPlans[env]!.outputs);
    const permissionSetArn = permissionSetOf()[`model-builders/${env}`];
    const attached = inputsOf("aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment")
      .filter((inputs) => inputs.permissionSetArn === permissionSetArn)
      .map((inputs) => inputs.customerManagedPolicyReference as { name: string; path: string });
    const expected = team.peoplePolicyArns.map((arn) => ({ path: arn.replace(/^.*:policy(\/.*\/)[^/]+$/, "$1"), name: arn.replace(/^.*\//, "") }));
    expect(attached).toEqual(expect.arrayContaining(expected));
    expect(attached).toHaveLength(expected.length);
    const boundary = inputsOf("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment").find((inputs) => inputs.permissionSetArn === permissionSetArn);
    expect(team.permissionsBoundaryArn).toBe(`arn:aws:iam::${teamPlans[env]!.account}:policy/ml/central-ai/central-ai-team-boundary`);
    expect(boundary?.permissionsBoundary).toEqual({ customerManagedPolicyReference: { name: "central-ai-team-boundary", path: "/ml/central-ai/" } });
  });

  it.each([
    ["dev", "111111111111"],
    ["prod", "222222222222"],
  ])("assigns the group its %s permission set in that env's account", (env, account) => {
    const permissionSetArn = permissionSetOf()[`model-builders/${env}`];
    expect(inputsOf("aws:ssoadmin/accountAssignment:AccountAssignment").filter((inputs) => inputs.permissionSetArn === permissionSetArn)).toEqual([
      expect.objectContaining({ principalType: "GROUP", principalId: (plan.outputs.groupIds as Record<string, string>)["model-builders"], targetType: "AWS_ACCOUNT", targetId: account }),
    ]);
  });

  it("refuses, at plan, to run from an account whose Identity Center admin APIs would not answer", async () => {
    const stack = listWorkspaceStacks(join(__dirname, "../../..")).find((candidate) => candidate.name === "identity")!;
    const directory = mkdtempSync(join(tmpdir(), "identity-"));
    try {
      const config = readFileSync(join(stack.directory, "Pulumi.org.yaml"), "utf8").replace('- "999999999999"', '- "111111111111"');
      writeFileSync(join(directory, "Pulumi.org.yaml"), config);
      // A fresh module registry, so the program runs again with this config.
      jest.resetModules();
      const planned = planStack({ stack: { ...stack, directory }, env: "org", upstreamPlan: (project, env) => (project === "model-builders" ? teamPlans[env] : undefined) });
      await expect(planned).rejects.toThrow(/aws:allowedAccountIds: 111111111111 cannot administer Identity Center: run the identity stack in the management account \(999999999999\)/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
