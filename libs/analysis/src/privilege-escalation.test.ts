import type { PolicyDocumentJson, StatementJson } from "@ml-iam/iam";
import { planWorkspace, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { planPrincipals, type HeldPolicy, type PlanPrincipal } from "./plan-principals";
import { escalationFindings } from "./privilege-escalation";

const iam = "arn:aws:iam::111122223333";
const sagemaker = "arn:aws:sagemaker:us-east-1:111122223333";
const doc = (...Statement: StatementJson[]): PolicyDocumentJson => ({ Version: "2012-10-17", Statement });
const principal = (policies: HeldPolicy[], boundary?: PolicyDocumentJson): PlanPrincipal => ({
  stack: "team-a",
  kind: "role",
  tags: {},
  name: "team-a-access",
  arn: `${iam}:role/ml/team-a/team-a-access`,
  policies,
  ...(boundary ? { boundary: { name: "boundary", document: boundary } } : {}),
});

const passAnyTeamRole = { name: "pass", document: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: `${iam}:role/ml/*` }) };
const trainingJobs = {
  name: "jobs",
  document: doc(
    { Effect: "Allow", Action: "sagemaker:DescribeTrainingJob", Resource: `${sagemaker}:training-job/team-a-*` },
    { Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: `${sagemaker}:training-job/team-a-*` },
  ),
};
const summary = (findings: ReturnType<typeof escalationFindings>) => findings.map((f) => [f.policy, f.statement, f.action, f.resource]);

describe("privilege escalation across a principal's policies", () => {
  it("finds iam:PassRole on a role pattern in one policy and training jobs in another", () => {
    const findings = escalationFindings(principal([passAnyTeamRole, trainingJobs]));
    expect(summary(findings)).toEqual([["pass", 0, "iam:PassRole", `${iam}:role/ml/*`]]);
    expect(findings[0]).toMatchObject({ code: "PRIVILEGE_ESCALATION", severity: "warning" });
    expect(findings[0]?.message).toMatch(/with sagemaker:CreateTrainingJob \(jobs statement 1\) lets the principal run its code as any role the pattern matches/);
  });

  it("finds the path when the job that runs as the role is named exactly", () => {
    const oneJob = { name: "job", document: doc({ Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: `${sagemaker}:training-job/team-a-nightly` }) };
    const boundary = doc({ Effect: "Allow", Action: ["iam:PassRole", "sagemaker:*"], Resource: "*" });
    expect(summary(escalationFindings(principal([passAnyTeamRole, oneJob], boundary)))).toEqual([["pass", 0, "iam:PassRole", `${iam}:role/ml/*`]]);
  });

  it("reports what one policy allows alone, naming the policy", () => {
    const findings = escalationFindings(principal([{ name: "iam-admin", document: doc({ Effect: "Allow", Action: "iam:AttachRolePolicy", Resource: "*" }) }]));
    expect(summary(findings)).toEqual([["iam-admin", 0, "iam:AttachRolePolicy", "*"]]);
  });

  it.each<[string, HeldPolicy[], PolicyDocumentJson | undefined]>([
    [
      "PassRole of the named execution role to SageMaker",
      [
        {
          name: "pass",
          document: doc({
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: `${iam}:role/ml/team-a/team-a-execution`,
            Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
          }),
        },
        trainingJobs,
      ],
      undefined,
    ],
    ["a boundary that allows no iam:PassRole", [passAnyTeamRole, trainingJobs], doc({ Effect: "Allow", Action: ["sagemaker:*", "s3:*"], Resource: "*" })],
    [
      "a boundary that denies PassRole outside one role",
      [passAnyTeamRole, trainingJobs],
      doc(
        { Effect: "Allow", Action: "*", Resource: "*" },
        { Effect: "Deny", Action: "iam:PassRole", NotResource: `${iam}:role/ml/team-a/team-a-execution` },
      ),
    ],
    ["a Deny in another of the principal's policies", [passAnyTeamRole, trainingJobs, { name: "guard", document: doc({ Effect: "Deny", Action: "sagemaker:Create*", Resource: "*" }) }], undefined],
    ["a policy whose document the plans do not hold (an AWS managed policy)", [{ name: "AmazonSageMakerFullAccess", arn: "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess" }], undefined],
  ])("finds nothing with %s", (_case, policies, boundary) => {
    expect(escalationFindings(principal(policies, boundary))).toEqual([]);
  });

  it("keeps a path that a boundary allows only for a principal tag: the Deny depends on who asks", () => {
    const boundary = doc(
      { Effect: "Allow", Action: ["iam:*", "sagemaker:*"], Resource: "*" },
      { Effect: "Deny", Action: "iam:PassRole", NotResource: `${iam}:role/ml/\${aws:PrincipalTag/team}/*` },
    );
    expect(summary(escalationFindings(principal([passAnyTeamRole, trainingJobs], boundary)))).toEqual([["pass", 0, "iam:PassRole", `${iam}:role/ml/*`]]);
  });

  it("treats the boundary as a ceiling, never as a grant: its iam:* is not reported", () => {
    const boundary = doc({ Effect: "Allow", Action: "iam:*", Resource: "*" });
    expect(escalationFindings(principal([trainingJobs], boundary))).toEqual([]);
  });

  describe("on the repo's own plans", () => {
    let principals: PlanPrincipal[];
    beforeAll(async () => {
      principals = planPrincipals(await planWorkspace("dev"));
    }, workspacePlanTimeout);

    it("finds no escalation for any principal of the plans: teams pass only their named roles, and the central team's full access reaches only its own tagged resources", () => {
      expect(principals.some((p) => p.stack === "central-ai" && p.name === "central-ai-access")).toBe(true);
      expect(principals.flatMap((p) => escalationFindings(p).map((f) => `${p.stack}/${p.name}: ${f.action}`))).toEqual([]);
    });
  });
});
