import { planPrincipals, simulate, type PlanPrincipal, type SimulationDecision } from "@ml-iam/analysis";
import { planAndProveWorkspaceStacks } from "@ml-iam/analysis/src/testing";
import { workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import type { PolicyDocumentJson } from "@ml-iam/iam";

// An IAM user of the central team, as IAM decides its requests over the dev plan: its group's policies and its
// own, within the central boundary, its tags as principal tags and its name as aws:username.

const account = "111111111111";
const iamArn = (resource: string) => `arn:aws:iam::${account}:${resource}`;
const own = { user: iamArn("user/ml/central-ai/alice.central"), mfa: iamArn("mfa/alice.central") };
const other = { user: iamArn("user/ml/central-ai/bob.central"), mfa: iamArn("mfa/bob.central") };
const withoutMfa = { "aws:MultiFactorAuthPresent": "false" };
const withMfa = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "30" };

let principals: PlanPrincipal[];
beforeAll(async () => {
  const [plan] = await planAndProveWorkspaceStacks(["central-ai"], "dev");
  principals = planPrincipals([plan!]);
}, workspacePlanTimeout);

const principal = (kind: PlanPrincipal["kind"], name: string) => principals.find((p) => p.kind === kind && p.name === name)!;

/** How IAM decides alice.central's request, made with `session` (MFA or not); `identity` replaces her policies. */
function decide(action: string, resource: string, session: Record<string, string>, identity?: PolicyDocumentJson[]): SimulationDecision {
  const user = principal("user", "alice.central");
  const held = identity ?? [...user.policies, ...principal("group", "central-ai-users").policies].map((policy) => policy.document!);
  const tags = Object.fromEntries(Object.entries(user.tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value]));
  return simulate({ action, resource, context: { ...tags, "aws:username": "alice.central", ...session } }, { identity: held, boundary: user.boundary?.document }).decision;
}

const enrolment: [string, string][] = [
  ["iam:CreateVirtualMFADevice", own.mfa],
  ["iam:EnableMFADevice", own.user],
  ["iam:ResyncMFADevice", own.user],
  ["iam:ListMFADevices", own.user],
  ["iam:ListVirtualMFADevices", "*"],
  ["iam:ChangePassword", own.user],
  ["iam:GetAccountPasswordPolicy", "*"],
];

describe("an IAM user of the central team", () => {
  it("is a member of the team's group and carries the central boundary", () => {
    expect(principal("user", "alice.central").boundary?.name).toBe("central-ai-team-boundary");
    expect(principal("group", "central-ai-users").policies.map((policy) => policy.name)).toEqual(["team-member-access"]);
  });

  it.each(enrolment)("may call %s on %s for itself before it has signed in with MFA", (action, resource) => {
    expect(decide(action, resource, withoutMfa)).toBe("Allowed");
  });

  it.each([
    ["iam:CreateVirtualMFADevice", other.mfa],
    ["iam:EnableMFADevice", other.user],
    ["iam:ResyncMFADevice", other.user],
  ])("may not call %s on %s, another user's, even with MFA", (action, resource) => {
    expect(decide(action, resource, withMfa)).not.toBe("Allowed");
  });

  it.each([
    ["sts:AssumeRole", iamArn("role/ml/central-ai/central-ai-access")],
    ["iam:CreateAccessKey", own.user],
    ["iam:DeactivateMFADevice", own.user],
    ["iam:DeleteVirtualMFADevice", own.mfa],
    ["iam:ListUsers", "*"],
    ["s3:ListBucket", "arn:aws:s3:::ai-datasets-dev"],
    ["sagemaker:ListTrainingJobs", "*"],
  ])("without MFA may not call %s on %s: nothing but enrolment", (action, resource) => {
    expect(decide(action, resource, withoutMfa)).toBe("ExplicitlyDenied");
    expect(decide(action, resource, {})).toBe("ExplicitlyDenied");
  });

  it("with MFA assumes the team's access role", () => {
    expect(decide("sts:AssumeRole", iamArn("role/ml/central-ai/central-ai-access"), withMfa)).toBe("Allowed");
  });

  // The boundary alone, under an identity policy that allows every IAM call: own user and device only.
  const everyIamCall: PolicyDocumentJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*", Resource: "*" }] };
  it.each(enrolment)("is allowed %s on %s by the boundary", (action, resource) => {
    expect(decide(action, resource, withMfa, [everyIamCall])).toBe("Allowed");
  });

  it.each([
    ["iam:CreateVirtualMFADevice", other.mfa],
    ["iam:EnableMFADevice", other.user],
    ["iam:ResyncMFADevice", other.user],
    ["iam:DeactivateMFADevice", other.user],
    ["iam:DeleteVirtualMFADevice", other.mfa],
    ["iam:DeactivateMFADevice", own.user],
    ["iam:TagMFADevice", own.mfa],
  ])("is denied %s on %s by the boundary whatever its policies allow", (action, resource) => {
    expect(decide(action, resource, withMfa, [everyIamCall])).toBe("ExplicitlyDenied");
  });
});
