import { proveIdentityCenterSignIn } from "@ml-iam/analysis";
import { identity, peopleAccessOf } from "@ml-iam/contracts";
import { listWorkspaceStacks, planStack, type PlanFile } from "@ml-iam/plan";
import { planWorkspaceStacks, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { readTeamsRegistry } from "@ml-iam/team-stack";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const workspaceRoot = join(__dirname, "../../..");
const teams = ["central-ai", "data-scientists", "distributed-ml", "model-builders"];
const envsOf = (team: string) => readTeamsRegistry().teams.find((entry) => entry.stack === team)!.envs;
const teamEnvs = teams.flatMap((team) => envsOf(team).map((env) => `${team}/${env}`));

let plan: PlanFile;
const teamPlans = new Map<string, PlanFile>();
// The identity stack's one env reads every env of every team stack, whose plans the tests compare with.
beforeAll(async () => {
  const [identityPlan, ...upstream] = await planWorkspaceStacks(["identity", ...teamEnvs], "org");
  plan = identityPlan!;
  upstream.forEach((teamPlan, index) => teamPlans.set(teamEnvs[index]!, teamPlan));
}, workspacePlanTimeout);

const inputsOf = (type: string) => resourcesOfType(plan, type).map((resource) => resource.inputs);
const permissionSetArn = (teamEnv: string) => (plan.outputs.permissionSetArns as Record<string, string>)[teamEnv];
const groupId = (team: string) => (plan.outputs.groupIds as Record<string, string>)[team];

describe("the identity stack", () => {
  it("runs in the account that administers Identity Center, through an explicit provider, and says so", () => {
    expect(identity.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.account).toBe("999999999999");
    expect(plan.outputs.identityCenterAccount).toBe("999999999999");
    expect(inputsOf("pulumi:providers:aws")).toEqual([expect.objectContaining({ allowedAccountIds: JSON.stringify(["999999999999"]), region: "us-east-1" })]);
  });

  it("reads each env of every team stack, and only the outputs it attaches", () => {
    expect(plan.references).toEqual(
      teamEnvs.map((teamEnv) => ({ project: teamEnv.split("/")[0], stack: `organization/${teamEnv}`, keys: ["peoplePolicyArns", "permissionsBoundaryArn"] })),
    );
  });

  it("tags every session with its person's team, from the attribute the config names", () => {
    expect(inputsOf("aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes")).toEqual([
      { instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", attributes: [{ key: "team", values: [{ sources: ["${path:enterprise.department}"] }] }] },
    ]);
  });

  it("puts each team's people, looked up by user name, in one group of the team", () => {
    const configured = plan.config["identity:teams"] as Record<string, { users: string[] }>;
    expect(Object.keys(configured).sort()).toEqual(teams);
    expect(inputsOf("aws:identitystore/group:Group").map((inputs) => inputs.displayName).sort()).toEqual(teams);
    const lookedUp = plan.planValues
      .filter((value) => value.token === "aws:identitystore/getUser:getUser")
      .map((value) => (value.args as { alternateIdentifier: { uniqueAttribute: { attributeValue: string } } }).alternateIdentifier.uniqueAttribute.attributeValue);
    expect(lookedUp.sort()).toEqual(Object.values(configured).flatMap((team) => team.users).sort());
    expect(inputsOf("aws:identitystore/groupMembership:GroupMembership")).toHaveLength(lookedUp.length);
  });

  it.each(teamEnvs)("gives %s a permission set holding exactly the people policies of its stack, within the central boundary", (teamEnv) => {
    const [team, env] = teamEnv.split("/") as [string, string];
    const teamPlan = teamPlans.get(teamEnv)!;
    const outputs = peopleAccessOf(team).schema.parse(teamPlan.outputs);
    const attached = inputsOf("aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment")
      .filter((inputs) => inputs.permissionSetArn === permissionSetArn(teamEnv))
      .map((inputs) => inputs.customerManagedPolicyReference as { name: string; path: string });
    const reference = (arn: string) => ({ path: arn.replace(/^.*:policy(\/(?:.*\/)?)[^/]+$/, "$1"), name: arn.replace(/^.*\//, "") });
    expect(attached.sort((a, b) => a.name.localeCompare(b.name))).toEqual(outputs.peoplePolicyArns.map(reference).sort((a, b) => a.name.localeCompare(b.name)));
    expect(outputs.permissionsBoundaryArn).toBe(`arn:aws:iam::${teamPlan.account}:policy/ml/central-ai/central-ai-team-boundary`);
    expect(inputsOf("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment").find((inputs) => inputs.permissionSetArn === permissionSetArn(teamEnv))?.permissionsBoundary).toEqual({
      customerManagedPolicyReference: { name: "central-ai-team-boundary", path: "/ml/central-ai/" },
    });
    expect(inputsOf("aws:ssoadmin/permissionSet:PermissionSet").find((inputs) => inputs.name === `${team}-${env}`)).toBeDefined();
  });

  it.each(teamEnvs)("assigns %s's permission set to the team's group in that env's account", (teamEnv) => {
    const team = teamEnv.split("/")[0]!;
    expect(inputsOf("aws:ssoadmin/accountAssignment:AccountAssignment").filter((inputs) => inputs.permissionSetArn === permissionSetArn(teamEnv))).toEqual([
      expect.objectContaining({ principalType: "GROUP", principalId: groupId(team), targetType: "AWS_ACCOUNT", targetId: teamPlans.get(teamEnv)!.account }),
    ]);
  });

  describe("sign-in through Identity Center, proven on the plan", () => {
    const prove = (identityPlan: PlanFile) => proveIdentityCenterSignIn(identityPlan, (team, env) => teamPlans.get(`${team}/${env}`), envsOf);
    const withoutResource = (predicate: (inputs: Record<string, unknown>, type: string) => boolean): PlanFile => ({
      ...plan,
      steps: plan.steps.filter((step) => !predicate(step.newState.inputs, step.newState.type)),
    });
    const failedSteps = (identityPlan: PlanFile) =>
      prove(identityPlan).flatMap((result) => result.steps.filter((step) => !step.ok).map((step) => `${result.name} ${result.subject}: ${step.principal} ${step.action}: ${step.reason}`));

    it("lets every person of every team reach the team's permission set in each of its envs, and nobody of another team", () => {
      const results = prove(plan);
      expect(results.map((result) => `${result.name} ${result.subject}`)).toEqual(
        teamEnvs.flatMap((teamEnv) => {
          const [team, env] = teamEnv.split("/");
          return [`sign-in-through-identity-center ${team}'s people (${env})`, `never-sign-in-as-another-team the other teams' people (${env})`];
        }),
      );
      expect(failedSteps(plan)).toEqual([]);
      const dataScientists = results.find((result) => result.subject === "data-scientists's people (dev)")!;
      expect(dataScientists.steps.filter((step) => step.action === "sso:GetRoleCredentials").map((step) => [step.principal, step.decision])).toEqual([
        ["erin@example.com", "Allowed"],
        ["frank@example.com", "Allowed"],
      ]);
    });

    it("fails the person whose membership is missing, naming them", () => {
      const erin = plan.planValues.find((value) => value.result.userName === "erin@example.com")!.result.userId;
      expect(failedSteps(withoutResource((inputs) => inputs.memberId === erin))).toEqual(
        ["dev", "prod"].flatMap((env) =>
          ["sso:ListAccounts", "sso:ListAccountRoles", "sso:GetRoleCredentials"].map(
            (action) =>
              `sign-in-through-identity-center data-scientists's people (${env}): erin@example.com ${action}: erin@example.com is in no team's group, and no group of theirs is assigned data-scientists-${env} in ${teamPlans.get(`data-scientists/${env}`)!.account}`,
          ),
        ).filter((line) => envsOf("data-scientists").some((env) => line.includes(`(${env})`))),
      );
    });

    it("fails a permission set that lacks one of the team's people policies, or its assignment", () => {
      const setArn = permissionSetArn("model-builders/dev");
      const [dropped] = inputsOf("aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment").filter((inputs) => inputs.permissionSetArn === setArn);
      const lacking = failedSteps(withoutResource((inputs) => inputs === dropped));
      // Only the credentials step: the portal still lists the set, whose sessions would lack the policy.
      expect(lacking.map((line) => line.replace(/ sso:GetRoleCredentials: .*/, ""))).toEqual(
        ["carol@example.com", "dave@example.com"].map((user) => `sign-in-through-identity-center model-builders's people (dev): ${user}`),
      );
      expect(lacking[0]).toMatch(/^sign-in-through-identity-center model-builders's people \(dev\): carol@example.com sso:GetRoleCredentials: model-builders-dev holds .*, not model-builders's people policies/);
      const unassigned = failedSteps(withoutResource((inputs, type) => type === "aws:ssoadmin/accountAssignment:AccountAssignment" && inputs.permissionSetArn === setArn));
      expect(unassigned).toContain(
        `sign-in-through-identity-center model-builders's people (dev): dave@example.com sso:ListAccounts: dave@example.com is in the group of model-builders, and no group of theirs is assigned model-builders-dev in ${teamPlans.get("model-builders/dev")!.account}`,
      );
    });

    it("fails when another team's person is assigned the team's permission set", () => {
      const erin = plan.planValues.find((value) => value.result.userName === "erin@example.com")!.result.userId;
      const crossed: PlanFile = {
        ...plan,
        steps: [
          ...plan.steps,
          { op: "create", urn: "urn:pulumi:org::identity::aws:identitystore/groupMembership:GroupMembership::crossed", newState: { ...plan.steps.find((step) => step.newState.type === "aws:identitystore/groupMembership:GroupMembership")!.newState, name: "crossed", inputs: { identityStoreId: "d-9067a1b2c3", groupId: groupId("model-builders"), memberId: erin } } },
        ],
      };
      expect(failedSteps(crossed)).toContain(
        `never-sign-in-as-another-team the other teams' people (dev): erin@example.com sso:GetRoleCredentials: granted by the assignment of model-builders-dev to model-builders's group in ${teamPlans.get("model-builders/dev")!.account}, holding exactly model-builders's people policies in the central boundary`,
      );
    });
  });

  describe("with config the real Identity Center would refuse", () => {
    const stack = listWorkspaceStacks(workspaceRoot).find((candidate) => candidate.name === "identity")!;
    const committed = readFileSync(join(stack.directory, "Pulumi.org.yaml"), "utf8");
    const planWith = async (yaml: string) => {
      const directory = mkdtempSync(join(tmpdir(), "identity-"));
      try {
        writeFileSync(join(directory, "Pulumi.org.yaml"), yaml);
        // A fresh module registry, so the program runs again with this config.
        jest.resetModules();
        return await planStack({ stack: { ...stack, directory }, env: "org", upstreamPlan: (project, env) => teamPlans.get(`${project}/${env}`) });
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    };

    it("refuses to run from an account whose Identity Center admin APIs would not answer", async () => {
      await expect(planWith(committed.replace('- "999999999999"', '- "111111111111"'))).rejects.toThrow(
        /aws:allowedAccountIds: 111111111111 cannot administer Identity Center: run the identity stack in the management account \(999999999999\)/,
      );
    });

    it("refuses a person in two teams, whose sessions could carry only one team's tag", async () => {
      await expect(planWith(committed.replace("        - grace@example.com", "        - grace@example.com\n        - carol@example.com"))).rejects.toThrow(
        /identity:teams: carol@example.com is in distributed-ml and model-builders/,
      );
    });
  });
});
