import type { PlanPrincipal } from "./plan-principals";
import { testAccount, testPlan } from "./testing";
import { policyHolder, sessionPrincipal } from "./workflow-principals";

const plan = testPlan("vision", []);
const role = (kind: PlanPrincipal["kind"], arn: string): PlanPrincipal => ({ stack: "vision", kind, name: "vision-access", arn, policies: [], tags: { team: "vision" } });
const accessRole = role("role", `arn:aws:iam::${testAccount}:role/ml/vision/vision-access`);
const permissionSet = role("permission-set", "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef");

describe("the sessions workflows run as", () => {
  it("gives a person's session of the access role the MFA its trust policy requires, just begun", () => {
    const { context } = sessionPrincipal(plan, accessRole, { name: "ana.vision", tags: { person: "ana.vision" }, person: true });
    expect(context).toMatchObject({ "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "0", "aws:PrincipalTag/person": "ana.vision", "aws:PrincipalTag/team": "vision" });
  });

  it.each([
    ["a service's session of a role", accessRole, { name: "job" }],
    ["a person's permission set session, which Identity Center federates", permissionSet, { name: "ana.vision", person: true }],
  ])("sets no MFA keys on %s", (_case, principal, session) => {
    const { context } = sessionPrincipal(plan, principal, session);
    expect(context).not.toHaveProperty("aws:MultiFactorAuthPresent");
    expect(context).not.toHaveProperty("aws:MultiFactorAuthAge");
  });

  it("proves a shared policy alone in a person's MFA session", () => {
    const holder = policyHolder(plan, { name: "read-only", arn: `arn:aws:iam::${testAccount}:policy/read-only`, document: { Version: "2012-10-17", Statement: [] } }, undefined, { team: "vision" });
    expect(holder.context["aws:MultiFactorAuthPresent"]).toBe("true");
  });
});
