import type { PolicyKind, StatementJson } from "../policy-json";
import { validatePolicy } from "../validate-policy";
import { wildcardAction } from "./wildcard-action";

const findings = (statement: StatementJson, kind: PolicyKind = "identity") =>
  validatePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, statement] }, { kind, rules: [wildcardAction] });

describe("WILDCARD_ACTION", () => {
  it.each<[string, StatementJson, (string | undefined)[]]>([
    ["a whole service", { Effect: "Allow", Action: "sagemaker:*", Resource: "*" }, ["sagemaker:*"]],
    ["two whole services, one finding each", { Effect: "Allow", Action: ["logs:*", "s3:GetObject", "sagemaker:*"], Resource: "*" }, ["logs:*", "sagemaker:*"]],
    ["a whole service on named resources", { Effect: "Allow", Action: "sagemaker:*", Resource: "arn:aws:sagemaker:us-east-1:111122223333:*" }, ["sagemaker:*"]],
    ["every action", { Effect: "Allow", Action: "*", Resource: "*" }, ["*"]],
    ["an Allow with NotAction", { Effect: "Allow", NotAction: "iam:*", Resource: "*" }, ["NotAction iam:*"]],
    ["a service prefix in another case", { Effect: "Allow", Action: "SageMaker:*", Resource: "*" }, ["SageMaker:*"]],
  ])("fires on %s", (_case, statement, actions) => {
    const found = findings(statement);
    expect(found.map((f) => f.action)).toEqual(actions);
    expect(found.every((f) => f.statement === 1 && f.severity === "warning")).toBe(true);
  });

  it.each<[string, StatementJson]>([
    ["named actions", { Effect: "Allow", Action: ["sagemaker:DescribeTrainingJob", "s3:GetObject"], Resource: "*" }],
    ["verb patterns", { Effect: "Allow", Action: ["sagemaker:Describe*", "sagemaker:List*"], Resource: "*" }],
    ["a Deny of a whole service", { Effect: "Deny", Action: "iam:*", Resource: "*" }],
    ["a Deny with NotAction", { Effect: "Deny", NotAction: "s3:*", Resource: "*" }],
    ["an unknown service, which UNKNOWN_SERVICE reports", { Effect: "Allow", Action: "nosuchservice:*", Resource: "*" }],
  ])("does not fire on %s", (_case, statement) => {
    expect(findings(statement)).toEqual([]);
  });

  it("leaves permissions boundaries alone: a ceiling names whole services", () => {
    expect(findings({ Effect: "Allow", Action: ["sagemaker:*", "iam:*"], Resource: "*" }, "boundary")).toEqual([]);
  });

  it("says how much a service wildcard grants and what to write instead", () => {
    const [finding] = findings({ Effect: "Allow", Action: "logs:*", Resource: "*" });
    expect(finding?.message).toMatch(/^logs:\* allows all \d+ logs actions \(\d+ of them Write or Permissions management\), and any AWS adds later: list the actions the team needs \(logs:Describe\*, logs:List\*, logs:Get\* to read/);
  });
});
