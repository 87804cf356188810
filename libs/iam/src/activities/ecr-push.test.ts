import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { ecrPush } from "./ecr-push";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { ecr } = arnBuilders(scope);

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("ecrPush", () => {
  it("gets the login token on * and uploads layers, puts and pulls images in the given repositories only", async () => {
    const repositories = [ecr.repository({ name: "ds/training" }), ecr.repository({ name: "ds/inference" })];
    expect(await render(ecrPush(context, { repositories }))).toEqual([
      { Sid: "EcrPushAuthorizationToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "EcrPushImages",
        Effect: "Allow",
        Action: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:DescribeImages",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ],
        Resource: ["arn:aws:ecr:us-east-1:111122223333:repository/ds/inference", "arn:aws:ecr:us-east-1:111122223333:repository/ds/training"],
      },
    ]);
  });

  it("neither creates nor deletes repositories or images, nor changes their policies", async () => {
    const actions = (await render(ecrPush(context, { repositories: [ecr.repository({ name: "ds/training" })] }))).flatMap((s) =>
      ([] as string[]).concat(s.Action ?? []),
    );
    expect(actions.filter((action) => /Create|Delete|Policy|Lifecycle/.test(action))).toEqual([]);
  });

  it("passes every policy rule", async () => {
    const document = await renderStatements(ecrPush(context, { repositories: [ecr.repository({ name: "ds/training" })] }));
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("rejects an empty repository list rather than granting a token that opens nothing", () => {
    expect(() => ecrPush(context, { repositories: [] })).toThrow(/at least one repository/);
  });
});
