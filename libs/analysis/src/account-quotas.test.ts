import type { PlanFile } from "@ml-iam/plan";
import { accountQuotaUsage, defaultAccountQuotas } from "./account-quotas";
import { testDocument, testPlan, testPolicy, testPolicyArn, testResource, testRole } from "./testing";

const document = testDocument({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" });

/** A team's plan with `roles` roles and `policies` policies, the first role holding `attachments` of them. */
function teamPlan(stack: string, counts: { roles: number; policies: number; attachments?: number }, account?: string): PlanFile {
  const policies = Array.from({ length: counts.policies }, (_, i) => testPolicy(stack, `${stack}-policy-${i}`, document));
  const arns = policies.slice(0, counts.attachments ?? 0).map((policy) => testPolicyArn(stack, String(policy.inputs.name)));
  const roles = Array.from({ length: counts.roles }, (_, i) => testRole(stack, `${stack}-role-${i}`, { policyArns: i === 0 ? arns : [] })).flat();
  const plan = testPlan(stack, [...policies, ...roles]);
  return account ? { ...plan, account } : plan;
}

const findings = (plans: PlanFile[], options = {}) => accountQuotaUsage(plans, options).findings.map((finding) => `${finding.severity}: ${finding.message}`);

describe("account quotas at scale", () => {
  it("are quiet while every quota is under 80 %", () => {
    expect(findings([teamPlan("data-scientists", { roles: 400, policies: 600, attachments: 7 }), teamPlan("model-builders", { roles: 399, policies: 599 })])).toEqual([]);
  });

  it("warn before the teams of an account together cross the role quota, naming each team's share", () => {
    expect(findings([teamPlan("data-scientists", { roles: 500, policies: 1 }), teamPlan("model-builders", { roles: 300, policies: 1 })])).toEqual([
      "warning: account 111111111111 nears its quota of 1000 IAM roles: 800 (80 %): data-scientists 500, model-builders 300; " +
        "request a higher quota through Service Quotas before a team adds more",
    ]);
  });

  it("report an error once the customer managed policies would exceed the quota, counting what exists outside the repository", () => {
    const [finding] = accountQuotaUsage([teamPlan("distributed-ml", { roles: 1, policies: 1400 })], { existing: { "111111111111": { customerManagedPolicies: 150 } } }).findings;
    expect(finding).toMatchObject({ severity: "error", quota: "customer-managed-policies-per-account", used: 1550, limit: 1500 });
    expect(finding?.byStack).toEqual([
      { stack: "distributed-ml", count: 1400 },
      { stack: "outside the repository", count: 150 },
    ]);
  });

  it("warn for a role with 8 of its 10 managed policies, and stop at 11", () => {
    expect(findings([teamPlan("model-builders", { roles: 1, policies: 8, attachments: 8 })])).toEqual([
      "warning: role model-builders-role-0 (model-builders) in account 111111111111 nears its quota of 10 managed policies: 8 (80 %); " +
        "merge some of its policies (each is one attachment) or request a higher quota before attaching more",
    ]);
    expect(accountQuotaUsage([teamPlan("model-builders", { roles: 1, policies: 11, attachments: 11 })]).findings.map((f) => f.severity)).toEqual(["error"]);
  });

  it("count accounts apart, and an env planned twice once", () => {
    const dev = teamPlan("data-scientists", { roles: 900, policies: 1 });
    const prod = { ...teamPlan("data-scientists", { roles: 900, policies: 1 }, "222222222222"), env: "prod" };
    const report = accountQuotaUsage([dev, dev, prod]);
    expect(report.uses.filter((use) => use.quota === "roles-per-account").map((use) => [use.account, use.used])).toEqual([
      ["111111111111", 900],
      ["222222222222", 900],
    ]);
    expect(report.findings.map((finding) => finding.account)).toEqual(["111111111111", "222222222222"]);
  });

  it("take raised quotas and another threshold", () => {
    const plans = [teamPlan("data-scientists", { roles: 900, policies: 1 })];
    expect(findings(plans, { quotas: { ...defaultAccountQuotas, rolesPerAccount: 5000 } })).toEqual([]);
    expect(findings(plans, { warnAt: 0.95 })).toEqual([]);
  });

  it("count users, groups and instance profiles per account too, warning and failing as for roles", () => {
    const many = (stack: string, type: string, kind: string, count: number) =>
      Array.from({ length: count }, (_, i) => testResource(type, `${stack}-${kind}-${i}`, { name: `${stack}-${kind}-${i}` }));
    const centralAi = testPlan("central-ai", [
      ...many("central-ai", "aws:iam/user:User", "user", 10_010),
      ...many("central-ai", "aws:iam/group:Group", "group", 250),
    ]);
    const distributedMl = testPlan("distributed-ml", many("distributed-ml", "aws:iam/instanceProfile:InstanceProfile", "profile", 900));
    expect(findings([centralAi, distributedMl], { existing: { "111111111111": { instanceProfiles: 101 } } })).toEqual([
      "error: account 111111111111 would exceed its quota of 5000 IAM users: 10010 (200 %): central-ai 10010; " +
        "request a higher quota through Service Quotas before deploying",
      "warning: account 111111111111 nears its quota of 300 IAM groups: 250 (83 %): central-ai 250; " +
        "request a higher quota through Service Quotas before a team adds more",
      "error: account 111111111111 would exceed its quota of 1000 instance profiles: 1001 (100 %): distributed-ml 900, outside the repository 101; " +
        "request a higher quota through Service Quotas before deploying",
    ]);
  });
});
