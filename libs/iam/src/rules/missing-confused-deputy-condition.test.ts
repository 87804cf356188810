import type { PolicyKind, StatementJson } from "../policy-json";
import { validatePolicy } from "../validate-policy";
import { missingConfusedDeputyCondition } from "./missing-confused-deputy-condition";

const findings = (statement: StatementJson, kind: PolicyKind = "trust") =>
  validatePolicy({ Version: "2012-10-17", Statement: [statement] }, { kind, rules: [missingConfusedDeputyCondition] });
const sagemaker = { Service: "sagemaker.amazonaws.com" };

describe("MISSING_CONFUSED_DEPUTY_CONDITION", () => {
  it.each<[string, StatementJson, string[]]>([
    ["a service without conditions", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole" }, ["sagemaker.amazonaws.com"]],
    ["two services, one finding each", { Effect: "Allow", Principal: { Service: ["sagemaker.amazonaws.com", "lambda.amazonaws.com"] }, Action: "sts:AssumeRole" }, ["sagemaker.amazonaws.com", "lambda.amazonaws.com"]],
    ["a service beside EC2, which sets no source keys", { Effect: "Allow", Principal: { Service: ["ec2.amazonaws.com", "sagemaker.amazonaws.com"] }, Action: "sts:AssumeRole" }, ["sagemaker.amazonaws.com"]],
    ["a condition on another key", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } }, ["sagemaker.amazonaws.com"]],
    ["IfExists, which lets requests without the key through", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { StringEqualsIfExists: { "aws:SourceAccount": "111122223333" } } }, ["sagemaker.amazonaws.com"]],
    ["a negated operator", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { StringNotEquals: { "aws:SourceAccount": "444455556666" } } }, ["sagemaker.amazonaws.com"]],
    ["a Null check", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { Null: { "aws:SourceArn": "false" } } }, ["sagemaker.amazonaws.com"]],
  ])("fires on %s", (_case, statement, services) => {
    const found = findings(statement);
    expect(found.map((f) => f.message.split(" ")[0])).toEqual(services);
    expect(found.every((f) => f.statement === 0 && f.action === "sts:AssumeRole" && f.severity === "warning")).toBe(true);
  });

  it.each<[string, StatementJson]>([
    ["aws:SourceAccount", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }],
    ["aws:SourceArn", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sagemaker:us-east-1:111122223333:*" } } }],
    ["aws:SourceOrgID", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceOrgID": "o-a1b2c3d4e5" } } }],
    ["a key in another case", { Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole", Condition: { StringEquals: { "AWS:sourceaccount": "111122223333" } } }],
    ["EC2, which sets no source keys", { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    ["an account principal", { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }],
    ["a Deny", { Effect: "Deny", Principal: sagemaker, Action: "sts:AssumeRole" }],
  ])("does not fire with %s", (_case, statement) => {
    expect(findings(statement)).toEqual([]);
  });

  it("applies to trust policies only", () => {
    expect(findings({ Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole" }, "identity")).toEqual([]);
  });

  it("names the fix", () => {
    expect(findings({ Effect: "Allow", Principal: sagemaker, Action: "sts:AssumeRole" })[0]?.message).toBe(
      'sagemaker.amazonaws.com is trusted without aws:SourceAccount or aws:SourceArn: any account\'s sagemaker resources could make it assume this role (confused deputy); add "Condition": {"StringEquals": {"aws:SourceAccount": "<account id>"}}, and ArnLike aws:SourceArn for the resources that use the role (serviceTrust() writes both)',
    );
  });
});
