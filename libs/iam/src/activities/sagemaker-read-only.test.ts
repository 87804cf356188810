import { findAction } from "../internal/service-catalog";
import type { StatementJson } from "../policy-json";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { actionsOnlyOnAnyResource, sageMakerReadOnly } from "./sagemaker-read-only";

beforeAll(() => setUpPulumiMocks());

const context = { scope: { partition: "aws", region: "us-east-1", account: "111122223333" }, team: "ds" };

async function render(): Promise<StatementJson[]> {
  return (await renderStatements(sageMakerReadOnly(context))).Statement;
}

describe("sageMakerReadOnly", () => {
  it("describes and lists the account's SageMaker resources in its region", async () => {
    const [scoped] = await render();
    expect(scoped).toEqual({
      Sid: "SageMakerDescribeAndListInAccount",
      Effect: "Allow",
      Action: ["sagemaker:Describe*", "sagemaker:List*"],
      Resource: "arn:aws:sagemaker:us-east-1:111122223333:*",
    });
  });

  it("allows on * only Describe and List actions without resource-level permissions, in the region", async () => {
    const unscoped = (await render()).find((s) => s.Resource === "*" && s.Effect === "Allow");
    const actions = ([] as string[]).concat(unscoped?.Action ?? []);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => !/^sagemaker:(Describe|List)/.test(a) || (findAction(a)?.resourceTypes.length ?? 1) > 0)).toEqual([]);
    expect(unscoped?.Condition).toEqual({ StringEquals: { "aws:RequestedRegion": "us-east-1" } });
  });

  it("denies describing and listing resources tagged for another team, whose descriptions hold their data paths", async () => {
    expect((await render()).find((s) => s.Effect === "Deny")).toEqual({
      Sid: "SageMakerNotOtherTeamsResources",
      Effect: "Deny",
      Action: ["sagemaker:Describe*", "sagemaker:List*"],
      Resource: "*",
      Condition: { Null: { "aws:ResourceTag/team": "false" }, StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
    });
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(sageMakerReadOnly(context)), { kind: "identity" })).toEqual([]);
  });
});

describe("actionsOnlyOnAnyResource", () => {
  it("keeps only the actions of a pattern that have no resource types, sorted", () => {
    const actions = actionsOnlyOnAnyResource("sagemaker:List*");
    expect(actions).toContain("sagemaker:ListTrainingJobs");
    expect(actions).not.toContain("sagemaker:ListTags");
    expect([...actions].sort()).toEqual(actions);
  });
});
