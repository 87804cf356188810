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
  it("allows every SageMaker action on the team's tagged resources in the account and region, creates them only tagged for it, and reads the rest", async () => {
    const [own, create, read, unscoped] = await render();
    expect(own).toEqual({
      Sid: "SageMakerAllOnTheTeamsResources",
      Effect: "Allow",
      Action: "sagemaker:*",
      Resource: "arn:aws:sagemaker:us-east-1:111122223333:*",
      Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
    });
    expect(create?.Action).not.toContain("sagemaker:Create*");
    expect(create).toMatchObject({ Condition: { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } } });
    expect(read).toMatchObject({ Action: ["sagemaker:Describe*", "sagemaker:List*"], Resource: "arn:aws:sagemaker:us-east-1:111122223333:*" });
    expect(read?.Condition).toBeUndefined();
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

  // The source document's sagemaker:* stays, on the team's own resources: the rules report that, and no notebook or
  // Studio URL or lifecycle script on anyone else's.
  it("is reported only for its whole-service grant, never for an escalation or a wildcard resource", async () => {
    const findings = validatePolicy(await renderStatements(sageMakerFullAccess(context)), { kind: "identity" });
    expect(findings.map((f) => [f.code, f.action])).toEqual([["WILDCARD_ACTION", "sagemaker:*"]]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
  });
});
