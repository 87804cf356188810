import type { StatementJson } from "../policy-json";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { sageMakerFullAccess } from "./sagemaker-full-access";

beforeAll(() => setUpPulumiMocks());

const context = { scope: { partition: "aws", region: "us-east-1", account: "111122223333" }, team: "ds" };

async function render(): Promise<StatementJson[]> {
  return (await renderStatements(sageMakerFullAccess(context))).Statement;
}

describe("sageMakerFullAccess", () => {
  it("allows every SageMaker action on the account's resources in its region, and the rest on * in the region only", async () => {
    const [scoped, unscoped] = await render();
    expect(scoped).toEqual({
      Sid: "SageMakerAllInAccountAndRegion",
      Effect: "Allow",
      Action: "sagemaker:*",
      Resource: "arn:aws:sagemaker:us-east-1:111122223333:*",
    });
    expect(unscoped).toMatchObject({ Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } });
  });

  it("denies every SageMaker action on resources tagged for another team", async () => {
    expect((await render()).find((s) => s.Effect === "Deny")).toEqual({
      Sid: "SageMakerNotOtherTeamsResources",
      Effect: "Deny",
      Action: "sagemaker:*",
      Resource: "*",
      Condition: { Null: { "aws:ResourceTag/team": "false" }, StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
    });
  });

  it("passes no role", async () => {
    expect(JSON.stringify(await render())).not.toContain("iam:");
  });

  // The source document's sagemaker:* stays: what the rules report is that, and the notebook and Studio URLs it includes.
  it("is reported only for its whole-service grant and the URL and lifecycle actions it includes, never for a wildcard resource", async () => {
    const findings = validatePolicy(await renderStatements(sageMakerFullAccess(context)), { kind: "identity" });
    expect(findings.map((f) => [f.code, f.action])).toEqual([
      ["WILDCARD_ACTION", "sagemaker:*"],
      ["PRIVILEGE_ESCALATION", "sagemaker:CreatePresignedNotebookInstanceUrl"],
      ["PRIVILEGE_ESCALATION", "sagemaker:UpdateNotebookInstance"],
      ["PRIVILEGE_ESCALATION", "sagemaker:UpdateNotebookInstanceLifecycleConfig"],
      ["PRIVILEGE_ESCALATION", "sagemaker:CreatePresignedDomainUrl"],
    ]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
  });
});
