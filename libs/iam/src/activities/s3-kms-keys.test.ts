import { arnBuilders } from "../arns";
import type { StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { s3KmsKeys } from "./s3-kms-keys";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
const keys = [arnBuilders(scope).kms.key({ id: keyId })];
const keyArn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;

async function render(statements: Statement[]): Promise<StatementJson[]> {
  return (await renderStatements(statements)).Statement;
}

describe("s3KmsKeys", () => {
  it("decrypts only, to read, and only through S3 in the scope's region", async () => {
    expect(await render(s3KmsKeys(context, { keys, access: "read-only" }))).toEqual([
      {
        Sid: "S3KmsDecrypt",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: keyArn,
        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      },
    ]);
  });

  it("also generates data keys, to write, still only through S3", async () => {
    expect(await render(s3KmsKeys(context, { keys, access: "read-write" }))).toEqual([
      {
        Sid: "S3KmsDecryptAndEncrypt",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: keyArn,
        Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      },
    ]);
  });

  it.each([
    ["aws-cn", "cn-north-1", "s3.cn-north-1.amazonaws.com.cn"],
    ["aws-us-gov", "us-gov-west-1", "s3.us-gov-west-1.amazonaws.com"],
  ])("names the S3 endpoint of the %s partition", async (partition, region, endpoint) => {
    const [statement] = await render(s3KmsKeys({ scope: { partition, region, account: "111122223333" }, team: "ds" }, { keys, access: "read-only" }));
    expect(statement?.Condition).toEqual({ StringEquals: { "kms:ViaService": endpoint } });
  });

  it("passes every policy rule", async () => {
    for (const access of ["read-only", "read-write"] as const) {
      expect(validatePolicy(await renderStatements(s3KmsKeys(context, { keys, access })), { kind: "identity" })).toEqual([]);
    }
  });

  it("rejects an empty key list rather than rendering a statement without resources", () => {
    expect(() => s3KmsKeys(context, { keys: [], access: "read-only" })).toThrow(/at least one key/);
  });
});
