import * as pulumi from "@pulumi/pulumi";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { searchAndVisualizeExperiments } from "./search-and-visualize-experiments";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("searchAndVisualizeExperiments", () => {
  it("only reads: Describe, List, Search, lineage and metrics", async () => {
    const actions = (await render(searchAndVisualizeExperiments(context))).flatMap((s) => s.Action ?? []);
    expect(actions.filter((action) => !/^sagemaker:(Describe|List|Search|QueryLineage|GetSearchSuggestions|BatchGetMetrics)/.test(action))).toEqual([]);
  });

  it("describes experiments and trials only when tagged for the team", async () => {
    const statements = await render(searchAndVisualizeExperiments(context));
    expect(statements.find((s) => s.Sid === "ExperimentsDescribe")).toEqual({
      Sid: "ExperimentsDescribe",
      Effect: "Allow",
      Action: ["sagemaker:DescribeExperiment", "sagemaker:DescribeTrial"],
      Resource: [
        "arn:aws:sagemaker:us-east-1:111122223333:experiment-trial/ds-*",
        "arn:aws:sagemaker:us-east-1:111122223333:experiment/ds-*",
      ],
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("searches only with the team's visibility condition, so other teams' tagged resources stay hidden", async () => {
    const statements = await render(searchAndVisualizeExperiments(context));
    expect(statements.filter((s) => JSON.stringify(s.Action).includes("sagemaker:Search\""))).toEqual([
      {
        Sid: "SearchTeamResources",
        Effect: "Allow",
        Action: "sagemaker:Search",
        Resource: "*",
        Condition: { StringEquals: { "sagemaker:SearchVisibilityCondition/Tags.team/EqualsIfExists": "ds" } },
      },
    ]);
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(searchAndVisualizeExperiments(context)))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
