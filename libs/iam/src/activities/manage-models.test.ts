import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { manageModels } from "./manage-models";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const prefix = "arn:aws:sagemaker:us-east-1:111122223333";

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("manageModels", () => {
  it("creates models and registry groups only named for the team and with the team tag", async () => {
    const statements = await render(manageModels(context));
    expect(statements.find((s) => s.Sid === "ModelsCreate")).toEqual({
      Sid: "ModelsCreate",
      Effect: "Allow",
      Action: ["sagemaker:CreateModel", "sagemaker:CreateModelPackageGroup"],
      Resource: [`${prefix}:model-package-group/ds-*`, `${prefix}:model/ds-*`],
      Condition: { StringEquals: { "aws:RequestTag/team": "ds" } },
    });
    expect(statements.find((s) => s.Sid === "ModelsTagOnCreate")?.Condition).toEqual({
      StringEquals: { "aws:RequestTag/team": "ds", "sagemaker:TaggingAction": ["CreateModel", "CreateModelPackageGroup"] },
    });
  });

  it("describes and deletes only models and groups tagged for the team", async () => {
    const statements = await render(manageModels(context));
    expect(statements.find((s) => s.Sid === "ModelsDescribeAndDelete")).toMatchObject({
      Resource: [`${prefix}:model-package-group/ds-*`, `${prefix}:model/ds-*`],
      Condition: { StringEquals: { "aws:ResourceTag/team": "ds" } },
    });
  });

  it("manages model versions in the team's groups by name, as versions cannot carry tags of their own", async () => {
    const statements = await render(manageModels(context));
    expect(statements.find((s) => s.Sid === "ModelsManageVersions")).toEqual({
      Sid: "ModelsManageVersions",
      Effect: "Allow",
      Action: [
        "sagemaker:CreateModelPackage",
        "sagemaker:DeleteModelPackage",
        "sagemaker:DescribeModelPackage",
        "sagemaker:UpdateModelPackage",
      ],
      Resource: `${prefix}:model-package/ds-*`,
    });
  });

  it("passes roles only when given them", async () => {
    expect(JSON.stringify(await render(manageModels(context)))).not.toContain("iam:PassRole");
    const role = arnBuilders(scope).iam.role({ name: "ds-inference" });
    expect((await render(manageModels(context, { executionRoles: [role] }))).find((s) => s.Sid === "ModelsPassRole")).toMatchObject({
      Resource: "arn:aws:iam::111122223333:role/ds-inference",
      Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
    });
  });

  // ListModelPackages lists the versions of every group: its one resource type is optional, and the request
  // carries no group ARN to scope it to, so "*" is the only grant and the wildcard rule accepts it.
  it("passes every policy rule, ListModelPackages on * included", async () => {
    const role = arnBuilders(scope).iam.role({ name: "ds-inference" });
    const document = await renderStatements(manageModels(context, { executionRoles: [role] }));
    const onAnyResource = document.Statement.filter((s) => s.Resource === "*").flatMap((s) => ([] as string[]).concat(s.Action ?? []));
    expect(onAnyResource).toContain("sagemaker:ListModelPackages");
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });
});
