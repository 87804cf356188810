import type { PolicyDocumentJson, PolicyKind, StatementJson } from "./policy-json";
import { validatePolicy } from "./validate-policy";

const doc = (...statements: StatementJson[]): PolicyDocumentJson => ({ Version: "2012-10-17", Statement: statements });
const codes = (document: PolicyDocumentJson, kind: PolicyKind = "identity") =>
  validatePolicy(document, { kind }).map((f) => f.code);

describe("policy validation", () => {
  it("rejects ListBucket on object ARNs, naming the action, the resource and the fix", () => {
    const findings = validatePolicy(
      doc({ Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: "arn:aws:s3:::ml-datasets-*/*" }),
      { kind: "identity" },
    );
    expect(findings).toEqual([
      {
        code: "RESOURCE_MISMATCH",
        severity: "error",
        statement: 0,
        action: "s3:ListBucket",
        resource: "arn:aws:s3:::ml-datasets-*/*",
        message:
          "s3:ListBucket applies to accesspoint or bucket resources, not to arn:aws:s3:::ml-datasets-*/*: use arn:aws:s3:::ml-datasets-*",
      },
    ]);
  });

  it("accepts GetObject and ListBucket on a bucket and its objects together", () => {
    expect(
      codes(doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] })),
    ).toEqual([]);
  });

  it("accepts ecr:GetAuthorizationToken on * because it has no resource-level permissions", () => {
    expect(codes(doc({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }))).toEqual([]);
  });

  it("rejects ecr:GetAuthorizationToken on a repository ARN, which never matches it", () => {
    const [finding] = validatePolicy(
      doc({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "arn:aws:ecr:us-east-1:111122223333:repository/x" }),
      { kind: "identity" },
    );
    expect(finding?.code).toBe("RESOURCE_MISMATCH");
    expect(finding?.message).toMatch(/only "\*"/);
  });

  it.each<[string, StatementJson, string[]]>([
    ["a misspelled action", { Effect: "Allow", Action: "s3:GetObjet", Resource: "*" }, ["UNKNOWN_ACTION"]],
    ["a wildcard matching no action", { Effect: "Allow", Action: "s3:Frobnicate*", Resource: "*" }, ["UNKNOWN_ACTION"]],
    ["an unknown service", { Effect: "Allow", Action: "s4:GetObject", Resource: "*" }, ["UNKNOWN_SERVICE"]],
    ["an action without a service", { Effect: "Allow", Action: "GetObject", Resource: "*" }, ["UNKNOWN_SERVICE"]],
    ["a wildcard that matches real actions", { Effect: "Allow", Action: "sagemaker:Describe*", Resource: "arn:aws:sagemaker:us-east-1:111122223333:training-job/x" }, []],
    ["a pattern none of whose actions fits the resource", { Effect: "Allow", Action: "s3:PutObject*", Resource: "arn:aws:s3:::b" }, ["RESOURCE_MISMATCH"]],
    ["an action allowed on * that could be scoped", { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, ["WILDCARD_RESOURCE"]],
    ["a deny on *, which is fine", { Effect: "Deny", Action: "s3:GetObject", Resource: "*" }, []],
    ["an unknown condition key", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "aws:SourceAcount": "1" } } }, ["UNKNOWN_CONDITION_KEY"]],
    ["a key of another service", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "sagemaker:InstanceTypes": "ml.m5.large" } } }, ["UNKNOWN_CONDITION_KEY"]],
    ["a tag key under a known prefix", { Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: "arn:aws:sagemaker:us-east-1:111122223333:training-job/x", Condition: { StringEquals: { "aws:RequestTag/team": "ds" } } }, []],
    ["a Numeric operator on a String key", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { NumericEquals: { "aws:SourceAccount": "1" } } }, ["CONDITION_TYPE_MISMATCH"]],
    ["a Bool key with a String operator", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "aws:SecureTransport": "true" } } }, ["CONDITION_TYPE_MISMATCH"]],
    ["an unknown operator", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEqualz: { "aws:SourceAccount": "1" } } }, ["CONDITION_TYPE_MISMATCH"]],
    ["IfExists and set operators of the right family", { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEqualsIfExists: { "aws:SourceAccount": "1" }, "ForAllValues:StringLike": { "aws:TagKeys": "team*" } } }, []],
    ["a deprecated key", { Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: "arn:aws:sagemaker:us-east-1:111122223333:training-job/x", Condition: { StringEquals: { "sagemaker:VolumeKmsKey": "k" } } }, ["DEPRECATED_CONDITION_KEY"]],
  ])("flags %s", (_name, statement, expected) => {
    expect(codes(doc(statement))).toEqual(expected);
  });

  it("names the replacement of a deprecated key", () => {
    const [finding] = validatePolicy(
      doc({ Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: "*", Condition: { StringEquals: { "sagemaker:VolumeKmsKey": "k" } } }),
      { kind: "identity" },
    ).filter((f) => f.code === "DEPRECATED_CONDITION_KEY");
    expect(finding?.message).toBe("condition key sagemaker:VolumeKmsKey is deprecated: use sagemaker:VolumeKmsKeyArn");
  });

  it.each<[string, unknown, RegExp]>([
    ["no Version", { Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }, /Version is missing/],
    ["a bad Version", { Version: "2020-01-01", Statement: [] }, /Version "2020-01-01" is not valid/],
    ["no Statement", { Version: "2012-10-17" }, /Statement is missing/],
    ["a bad Effect", doc({ Effect: "Permit" as "Allow", Action: "s3:GetObject", Resource: "*" }), /Effect must be "Allow" or "Deny"/],
    ["both Action and NotAction", doc({ Effect: "Allow", Action: "s3:GetObject", NotAction: "s3:PutObject", Resource: "*" }), /exactly one of Action or NotAction/],
    ["no resource in an identity policy", doc({ Effect: "Allow", Action: "s3:GetObject" }), /needs Resource or NotResource/],
    ["a principal in an identity policy", doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }), /cannot name a Principal/],
    ["an unknown element", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Actions: "x" }] }, /unknown element "Actions"/],
    ["not an object", "hello", /must be a JSON object/],
  ])("reports an invalid document with %s", (_name, document, message) => {
    const findings = validatePolicy(document as PolicyDocumentJson, { kind: "identity" }).filter((f) => f.code === "INVALID_DOCUMENT");
    expect(findings.map((f) => f.message).join("\n")).toMatch(message);
  });

  it("requires a principal in trust policies", () => {
    expect(codes(doc({ Effect: "Allow", Action: "sts:AssumeRole" }), "trust")).toEqual(["INVALID_DOCUMENT"]);
  });

  it("accepts web identity provider keys in trust policies", () => {
    const trust = doc({
      Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": "repo:example-org/ml-iam-platform:environment:prod",
        },
      },
    });
    expect(codes(trust, "trust")).toEqual([]);
  });

  it("reports a document over its quota with how to split it", () => {
    const statements = Array.from({ length: 60 }, (_, i): StatementJson => ({
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `arn:aws:s3:::a-long-bucket-name-for-team-${i}-datasets/${"prefix/".repeat(8)}*`,
    }));
    const [finding] = validatePolicy(doc(...statements), { kind: "identity" });
    expect(finding?.code).toBe("SIZE_LIMIT");
    expect(finding?.message).toMatch(/over the 6144 limit by \d+: split it into 2 managed policies: statements 0-\d+ \| \d+-59/);
  });

  it("reports every problem at once, errors first", () => {
    const findings = validatePolicy(
      doc(
        { Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
        { Effect: "Allow", Action: ["s3:GetObjet", "s3:ListBucket"], Resource: "arn:aws:s3:::b/*" },
      ),
      { kind: "identity" },
    );
    expect(findings.map((f) => [f.code, f.statement])).toEqual([
      ["UNKNOWN_ACTION", 1],
      ["RESOURCE_MISMATCH", 1],
      ["WILDCARD_RESOURCE", 0],
    ]);
  });
});
