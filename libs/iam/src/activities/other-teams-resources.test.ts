import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { denyOtherTeamsResources } from "./other-teams-resources";

beforeAll(() => setUpPulumiMocks());

describe("denyOtherTeamsResources", () => {
  it("denies the actions on every resource whose team tag is not the caller's own", async () => {
    const document = await renderStatements([denyOtherTeamsResources("SageMakerNotOtherTeamsResources", ["sagemaker:Describe*", "sagemaker:List*"])]);
    expect(document.Statement).toEqual([
      {
        Sid: "SageMakerNotOtherTeamsResources",
        Effect: "Deny",
        Action: ["sagemaker:Describe*", "sagemaker:List*"],
        Resource: "*",
        Condition: {
          StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" },
          // Without it, untagged resources (which no team owns yet) would be denied too.
          Null: { "aws:ResourceTag/team": "false" },
        },
      },
    ]);
  });

  it("passes every policy rule: a deny on * is no wildcard grant", async () => {
    const document = await renderStatements([denyOtherTeamsResources("NotOtherTeams", ["sagemaker:*"])]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
