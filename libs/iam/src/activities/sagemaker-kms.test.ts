import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import type { Statement } from "../statement";
import { renderStatements, resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { sageMakerKms } from "./sagemaker-kms";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
const keys = [arnBuilders(scope).kms.key({ id: keyId })];

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("sageMakerKms", () => {
  it("uses the given keys only through SageMaker in the scope's region, and grants only to AWS resources", async () => {
    expect(await render(sageMakerKms(context, { keys }))).toEqual([
      {
        Sid: "KmsUseKeysViaSageMaker",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
        Resource: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
        Condition: { StringEquals: { "kms:ViaService": "sagemaker.us-east-1.amazonaws.com" } },
      },
      {
        Sid: "KmsGrantToSageMakerResources",
        Effect: "Allow",
        Action: "kms:CreateGrant",
        Resource: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
        Condition: {
          Bool: { "kms:GrantIsForAWSResource": "true" },
          StringEquals: { "kms:ViaService": "sagemaker.us-east-1.amazonaws.com" },
        },
      },
    ]);
  });

  it("lets the given services use the keys too", async () => {
    const [use] = await render(sageMakerKms(context, { keys, viaServices: ["sagemaker", "s3"] }));
    expect(use?.Condition).toEqual({
      StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com", "sagemaker.us-east-1.amazonaws.com"] },
    });
  });

  it("names the China endpoints, which end in .cn, in the aws-cn partition", async () => {
    const china = { scope: { partition: "aws-cn", region: "cn-north-1", account: "111122223333" }, team: "ds" };
    const [use] = await render(sageMakerKms(china, { keys: [arnBuilders(china.scope).kms.key({ id: keyId })] }));
    expect(use).toMatchObject({
      Resource: `arn:aws-cn:kms:cn-north-1:111122223333:key/${keyId}`,
      Condition: { StringEquals: { "kms:ViaService": "sagemaker.cn-north-1.amazonaws.com.cn" } },
    });
  });

  it("passes every policy rule", async () => {
    const document = toPolicyJson((await resolve(pulumi.output(sageMakerKms(context, { keys })))) as unknown as ResolvedStatement[]);
    expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
  });

  it("rejects empty key and service lists", () => {
    expect(() => sageMakerKms(context, { keys: [] })).toThrow(/at least one key/);
    expect(() => sageMakerKms(context, { keys, viaServices: [] })).toThrow(/at least one service/);
  });
});
