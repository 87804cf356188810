import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocumentJson, StatementJson } from "../policy-json";
import type { Statement } from "../statement";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { s3BucketAccess } from "./s3-bucket-access";

beforeAll(() => setUpPulumiMocks());

const context = { scope: { partition: "aws", region: "us-east-1", account: "111122223333" }, team: "ds" };

async function render(statements: Statement[]): Promise<PolicyDocumentJson & { Statement: StatementJson[] }> {
  return (await renderStatements(statements));
}

describe("s3BucketAccess", () => {
  it("read-only grants ListBucket on the bucket ARNs and GetObject on their objects, and nothing that writes", async () => {
    const document = await render(s3BucketAccess(context, { access: "read-only", buckets: ["ds-datasets", pulumi.output("shared-data")] }));
    expect(document.Statement).toEqual([
      {
        Sid: "S3ReadOnlyBuckets",
        Effect: "Allow",
        Action: ["s3:GetBucketLocation", "s3:ListBucket"],
        Resource: ["arn:aws:s3:::ds-datasets", "arn:aws:s3:::shared-data"],
      },
      {
        Sid: "S3ReadOnlyObjects",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: ["arn:aws:s3:::ds-datasets/*", "arn:aws:s3:::shared-data/*"],
      },
    ]);
    expect(JSON.stringify(document)).not.toMatch(/s3:(Put|Delete|Abort)/);
  });

  it("read-write adds writing and multipart uploads on objects only", async () => {
    const document = await render(s3BucketAccess(context, { access: "read-write", buckets: ["ds-artifacts"] }));
    expect(document.Statement).toEqual([
      {
        Sid: "S3ReadWriteBuckets",
        Effect: "Allow",
        Action: ["s3:GetBucketLocation", "s3:ListBucket"],
        Resource: "arn:aws:s3:::ds-artifacts",
      },
      {
        Sid: "S3ReadWriteObjects",
        Effect: "Allow",
        Action: ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
        Resource: "arn:aws:s3:::ds-artifacts/*",
      },
    ]);
  });

  it("narrows listing with s3:prefix and objects to the prefix when a prefix is given", async () => {
    const document = await render(s3BucketAccess(context, { access: "read-only", buckets: ["shared-data"], prefix: "ds/" }));
    expect(document.Statement).toEqual([
      { Sid: "S3ReadOnlyBucketLocation", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: "arn:aws:s3:::shared-data" },
      {
        Sid: "S3ReadOnlyListPrefix",
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: "arn:aws:s3:::shared-data",
        Condition: { StringLike: { "s3:prefix": "ds/*" } },
      },
      { Sid: "S3ReadOnlyObjects", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shared-data/ds/*" },
    ]);
  });

  it.each(["read-only", "read-write"] as const)("passes every policy rule with %s access, with and without a prefix", async (access) => {
    for (const prefix of [undefined, "ds/"]) {
      const document = await render(s3BucketAccess(context, { access, buckets: ["shared-data"], prefix }));
      expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
    }
  });

  it("builds ARNs in the scope's partition", async () => {
    const govCloud = { ...context, scope: { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" } };
    const document = await render(s3BucketAccess(govCloud, { access: "read-only", buckets: ["ds-datasets"] }));
    expect(document.Statement.flatMap((statement) => statement.Resource)).toEqual([
      "arn:aws-us-gov:s3:::ds-datasets",
      "arn:aws-us-gov:s3:::ds-datasets/*",
    ]);
  });

  it.each(["ds", "/ds/", "", "ds/*/"])("rejects the prefix %j, which is not a plain key prefix ending in a slash", (prefix) => {
    expect(() => s3BucketAccess(context, { access: "read-only", buckets: ["b"], prefix })).toThrow(/prefix must be a key prefix/);
  });

  it("rejects an empty bucket list rather than granting nothing", () => {
    expect(() => s3BucketAccess(context, { access: "read-only", buckets: [] })).toThrow(/at least one bucket/);
  });
});
