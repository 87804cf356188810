import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { viewMlResources } from "./view-ml-resources";

beforeAll(() => setUpPulumiMocks());

const context = { scope: { partition: "aws", region: "us-east-1", account: "111122223333" }, team: "ds" };

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("viewMlResources", () => {
  it("only describes and lists", async () => {
    const actions = (await render(viewMlResources(context))).flatMap((s) => s.Action ?? []);
    expect(actions.filter((action) => !/^sagemaker:(Describe|List)/.test(action))).toEqual([]);
  });

  it("describes only resources tagged for the team, and untaggable versions and executions by the team's names", async () => {
    const [tagged, named] = await render(viewMlResources(context));
    expect(tagged?.Condition).toEqual({ StringEquals: { "aws:ResourceTag/team": "ds" } });
    expect((tagged?.Resource as string[]).every((r) => r.endsWith("/ds-*"))).toBe(true);
    expect(named?.Resource).toEqual([
      "arn:aws:sagemaker:us-east-1:111122223333:model-package/ds-*",
      "arn:aws:sagemaker:us-east-1:111122223333:pipeline/ds-*/execution/*",
    ]);
  });

  // ListModelPackages lists the versions of every group: its one resource type is optional, and the request
  // carries no group ARN to scope it to, so "*" is the only grant and the wildcard rule accepts it.
  it("passes every policy rule, ListModelPackages on * included", async () => {
    const document = await renderStatements(viewMlResources(context));
    const onAnyResource = document.Statement.filter((s) => s.Resource === "*").flatMap((s) => ([] as string[]).concat(s.Action ?? []));
    expect(onAnyResource).toContain("sagemaker:ListModelPackages");
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
