import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { checkExactRoleArn, passRole } from "./pass-role";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const { iam } = arnBuilders(scope);

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("passRole", () => {
  it("is limited to the given roles and to sagemaker.amazonaws.com", async () => {
    const roles = [iam.role({ name: "ds-training", path: "/ml/ds/" }), iam.role({ name: "ds-inference", path: "/ml/ds/" })];
    expect(await render(passRole(context, { roles }))).toEqual([
      {
        Sid: "PassExecutionRoles",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: ["arn:aws:iam::111122223333:role/ml/ds/ds-inference", "arn:aws:iam::111122223333:role/ml/ds/ds-training"],
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      },
    ]);
  });

  it("passes to another service and under another Sid when asked", async () => {
    const [statement] = await render(
      passRole(context, { roles: [iam.role({ name: "ds-glue" })], service: "glue.amazonaws.com", sid: "GluePassRole" }),
    );
    expect(statement).toMatchObject({ Sid: "GluePassRole", Condition: { StringEquals: { "iam:PassedToService": "glue.amazonaws.com" } } });
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson(
      (await resolve(pulumi.output(passRole(context, { roles: [iam.role({ name: "ds-training" })] })))) as unknown as ResolvedStatement[],
    );
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  // The check runs when the ARN resolves, failing the Pulumi program; here it is called directly.
  it.each(["arn:aws:iam::111122223333:role/ds-*", "arn:aws:iam::111122223333:role/ml/?s/admin"])(
    "fails on the role pattern %s, which could hand SageMaker any matching role",
    (arn) => {
      expect(() => checkExactRoleArn(arn)).toThrow(/exact role ARNs, got the pattern/);
    },
  );

  it("rejects an empty role list rather than granting nothing", () => {
    expect(() => passRole(context, { roles: [] })).toThrow(/at least one role/);
  });

  it("builds role ARNs in the scope's partition", async () => {
    const gov = arnBuilders({ partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" });
    const [statement] = await render(passRole(context, { roles: [gov.iam.role({ name: "ds-training" })] }));
    expect(statement?.Resource).toBe("arn:aws-us-gov:iam::111122223333:role/ds-training");
  });
});
