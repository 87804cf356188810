import type { StatementJson } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { planWorkspace, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { accessSnapshot, diffAccess, diffPlanAccess, isEmptyAccessDiff, policyAccessSnapshot } from "./access-diff";
import { testDocument } from "./testing";

let base: PlanFile[];
beforeAll(async () => {
  base = await planWorkspace("dev");
}, workspacePlanTimeout);

/** A copy of the plans with one stack's resources changed. */
function changed(stack: string, change: (plan: PlanFile) => void): PlanFile[] {
  const head = structuredClone(base);
  change(head.find((plan) => plan.stack === stack)!);
  return head;
}

/** Edits the document of the managed policy whose name ends with `suffix`. */
function editPolicy(plan: PlanFile, suffix: string, edit: (statements: StatementJson[]) => void): void {
  const policy = plan.steps.find((step) => step.newState.type === "aws:iam/policy:Policy" && String(step.newState.outputs.name).endsWith(suffix))!.newState;
  const document = JSON.parse(String(policy.inputs.policy)) as { Statement: StatementJson[] };
  edit(document.Statement);
  policy.inputs.policy = JSON.stringify(document);
}

const summary = (pairs: { action: string; resource: string }[]) => pairs.map((pair) => `${pair.action} ${pair.resource}`);

describe("the access diff of two plan sets", () => {
  it("is empty for the same plans", () => {
    expect(isEmptyAccessDiff(diffPlanAccess(base, structuredClone(base)))).toBe(true);
  });

  it("shows a statement added to the data scientists' policy as granted for their access role and nothing else", () => {
    const head = changed("data-scientists", (plan) =>
      editPolicy(plan, "-studio-and-data", (statements) => statements.push({ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::data-scientists-datasets-dev/*" })),
    );
    const diff = diffPlanAccess(base, head);
    expect(diff.principals.map((change) => `${change.change} ${change.name}`)).toEqual(["changed data-scientists-access"]);
    expect(summary(diff.principals[0]!.granted)).toEqual(["s3:PutObject arn:aws:s3:::data-scientists-datasets-dev/*"]);
    expect(diff.principals[0]!.revoked).toEqual([]);
    expect(diff.findings).toEqual({ new: [], resolved: [] });
  });

  it("shows a removed attachment as revoked, keeping what other policies still grant", () => {
    const head = changed("data-scientists", (plan) => {
      plan.steps = plan.steps.filter(
        (step) =>
          !(step.newState.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" &&
            step.newState.inputs.role === "data-scientists-job" &&
            String(step.newState.inputs.policyArn).endsWith("/central-ai-datasets-read")),
      );
    });
    const [change, ...others] = diffPlanAccess(base, head).principals;
    expect(others).toEqual([]);
    expect(change).toMatchObject({ name: "data-scientists-job", change: "changed", granted: [] });
    expect(summary(change!.revoked)).toEqual([
      "kms:Decrypt arn:aws:kms:us-east-1:111111111111:key/1f0e2d3c-4b5a-4697-8877-665544332211",
      "s3:GetBucketLocation arn:aws:s3:::ai-datasets-dev",
      "s3:GetBucketLocation arn:aws:s3:::ml-datasets-dev",
      "s3:GetObject arn:aws:s3:::ai-datasets-dev/*",
      "s3:GetObject arn:aws:s3:::ml-datasets-dev/*",
      "s3:ListBucket arn:aws:s3:::ai-datasets-dev",
      "s3:ListBucket arn:aws:s3:::ml-datasets-dev",
    ]);
  });

  it("shows a principal that disappears as removed, with everything it could do revoked", () => {
    const head = changed("distributed-ml", (plan) => {
      plan.steps = plan.steps.filter((step) => step.newState.outputs.name !== "distributed-ml-users");
    });
    const [change] = diffPlanAccess(base, head).principals;
    expect(change).toMatchObject({ name: "distributed-ml-users", change: "removed", granted: [] });
    // The group's members lose the team's access role and the management of their own password and MFA device.
    expect(summary(change!.revoked)).toEqual([
      "iam:ChangePassword arn:aws:iam::111111111111:user/${aws:username}",
      "iam:ChangePassword arn:aws:iam::111111111111:user/*/${aws:username}",
      "iam:CreateVirtualMFADevice arn:aws:iam::111111111111:mfa/${aws:username}",
      "iam:EnableMFADevice arn:aws:iam::111111111111:user/${aws:username}",
      "iam:EnableMFADevice arn:aws:iam::111111111111:user/*/${aws:username}",
      "iam:GetAccountPasswordPolicy *",
      "iam:ListMFADevices arn:aws:iam::111111111111:user/${aws:username}",
      "iam:ListMFADevices arn:aws:iam::111111111111:user/*/${aws:username}",
      "iam:ListVirtualMFADevices *",
      "iam:ResyncMFADevice arn:aws:iam::111111111111:user/${aws:username}",
      "iam:ResyncMFADevice arn:aws:iam::111111111111:user/*/${aws:username}",
      "sts:AssumeRole arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-access",
      "sts:TagSession arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-access",
    ]);
    expect(diffAccess(accessSnapshot(head), accessSnapshot(base)).principals[0]).toMatchObject({ change: "added", revoked: [] });
  });

  it("reports findings the change brings as new, and as resolved when it is undone", () => {
    const head = changed("model-builders", (plan) =>
      editPolicy(plan, "-access-ml-jobs", (statements) => statements.push({ Sid: "Typo", Effect: "Allow", Action: "sagemaker:CreateTrainingJobb", Resource: "*" })),
    );
    const forward = diffPlanAccess(base, head).findings;
    expect(forward.new.map((finding) => `${finding.code} ${finding.policy} ${finding.sid}`)).toEqual([
      "UNKNOWN_ACTION model-builders-access-ml-jobs Typo",
    ]);
    expect(forward.resolved).toEqual([]);
    expect(diffPlanAccess(head, base).findings.resolved.map((finding) => finding.code)).toEqual(["UNKNOWN_ACTION"]);
  });

  it("shows a dropped condition as a widening of the same pairs", () => {
    const head = changed("data-scientists", (plan) =>
      editPolicy(plan, "-studio-and-data", (statements) => {
        for (const statement of statements) if (statement.Action === "sagemaker:Search") delete statement.Condition;
      }),
    );
    const [change] = diffPlanAccess(base, head).principals;
    expect(change!.granted).toEqual([{ action: "sagemaker:Search", resource: "*", conditional: false, conditionChange: "removed" }]);
    expect(diffPlanAccess(head, base).principals[0]!.revoked).toEqual([{ action: "sagemaker:Search", resource: "*", conditional: false, conditionChange: "added" }]);
  });

  it("compares two bare policy documents as one principal", () => {
    const before = testDocument({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" });
    const after = testDocument({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::b/*" });
    const diff = diffAccess(policyAccessSnapshot("team.json", before), policyAccessSnapshot("team.json", after));
    expect(diff.principals).toEqual([
      expect.objectContaining({ principal: "team.json", kind: "policy", change: "changed", granted: [{ action: "s3:PutObject", resource: "arn:aws:s3:::b/*", conditional: false }] }),
    ]);
  });
});
