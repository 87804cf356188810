import { renderPolicyJson, toPolicyJson } from "./render-policy";

describe("canonical policy rendering", () => {
  it("orders keys, sorts and deduplicates lists, and renders single items as scalars", () => {
    const json = toPolicyJson([
      {
        effect: "Allow",
        sid: "Read",
        resources: ["arn:aws:s3:::b/*", "arn:aws:s3:::b", { value: "arn:aws:s3:::b" }],
        actions: ["s3:ListBucket", "s3:GetObject", "s3:GetObject"],
        conditions: { StringEquals: { "aws:ResourceTag/team": "ds", "aws:PrincipalTag/team": ["b", "a"] } },
      },
    ]);
    expect(renderPolicyJson(json)).toBe(
      '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow",' +
        '"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],' +
        '"Condition":{"StringEquals":{"aws:PrincipalTag/team":["a","b"],"aws:ResourceTag/team":"ds"}}}]}',
    );
  });

  it("keeps statement order as written, so reviewers read the author's story", () => {
    const json = toPolicyJson([
      { effect: "Deny", actions: ["iam:*"], resources: ["*"] },
      { effect: "Allow", actions: ["s3:GetObject"], resources: ["*"] },
    ]);
    expect(Array.isArray(json.Statement) && json.Statement.map((s) => s.Effect)).toEqual(["Deny", "Allow"]);
  });

  it("renders principals by type and condition values as strings", () => {
    const json = toPolicyJson([
      {
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: { service: ["sagemaker.amazonaws.com"], aws: ["arn:aws:iam::111122223333:root"] },
        conditions: { Bool: { "aws:MultiFactorAuthPresent": true }, NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } },
      },
    ]);
    expect(json.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root", Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" }, NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } },
      },
    ]);
  });

  it("keeps policy variables literally", () => {
    const json = toPolicyJson([{ effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::home/${aws:username}/*"] }]);
    expect(renderPolicyJson(json)).toContain('"arn:aws:s3:::home/${aws:username}/*"');
  });
});
