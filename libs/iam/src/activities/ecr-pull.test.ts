import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { ecrPull } from "./ecr-pull";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { ecr } = arnBuilders(scope);

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("ecrPull", () => {
  it("gets the login token on * and pulls layers and images from the given repositories only", async () => {
    const repositories = [ecr.repository({ name: "ds/training" }), ecr.repository({ name: "ds/inference" })];
    expect(await render(ecrPull(context, { repositories }))).toEqual([
      { Sid: "EcrAuthorizationToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "EcrPullImages",
        Effect: "Allow",
        Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        Resource: [
          "arn:aws:ecr:us-east-1:111122223333:repository/ds/inference",
          "arn:aws:ecr:us-east-1:111122223333:repository/ds/training",
        ],
      },
    ]);
  });

  it("passes every policy rule", async () => {
    const statements = ecrPull(context, { repositories: [ecr.repository({ name: "ds/training" })] });
    const document = toPolicyJson((await resolve(pulumi.output(statements))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("rejects an empty repository list rather than granting a token that opens nothing", () => {
    expect(() => ecrPull(context, { repositories: [] })).toThrow(/at least one repository/);
  });
});
