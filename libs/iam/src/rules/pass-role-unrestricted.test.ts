import type { PolicyKind, StatementJson } from "../policy-json";
import { validatePolicy } from "../validate-policy";
import { passRoleUnrestricted } from "./pass-role-unrestricted";

const executionRole = "arn:aws:iam::111122223333:role/ml/team-a/team-a-execution";
const findings = (statement: StatementJson, kind: PolicyKind = "identity") =>
  validatePolicy({ Version: "2012-10-17", Statement: [statement] }, { kind, rules: [passRoleUnrestricted] });

describe("PASS_ROLE_UNRESTRICTED", () => {
  it.each<[string, StatementJson, string]>([
    ["iam:PassRole on *", { Effect: "Allow", Action: "iam:PassRole", Resource: "*" }, "*"],
    [
      "iam:PassRole on * even with iam:PassedToService",
      { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } },
      "*",
    ],
    ["iam:PassRole on every role of the account", { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/*" }, "arn:aws:iam::111122223333:role/*"],
    ["iam:PassRole on every IAM resource of any account", { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::*:*" }, "arn:aws:iam::*:*"],
    ["iam:* on *", { Effect: "Allow", Action: "iam:*", Resource: "*" }, "*"],
    ["iam:Pass* on *", { Effect: "Allow", Action: "iam:Pass*", Resource: "*" }, "*"],
    ["* on *", { Effect: "Allow", Action: "*", Resource: "*" }, "*"],
    ["a NotAction that leaves PassRole in, on *", { Effect: "Allow", NotAction: "s3:*", Resource: "*" }, "*"],
    [
      "a NotResource that leaves roles in",
      { Effect: "Allow", Action: "iam:PassRole", NotResource: "arn:aws:iam::111122223333:role/admin" },
      "NotResource arn:aws:iam::111122223333:role/admin",
    ],
    ["the action spelled in another case", { Effect: "Allow", Action: "IAM:passrole", Resource: "*" }, "*"],
  ])("fires on %s", (_case, statement, resource) => {
    const found = findings(statement);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "PASS_ROLE_UNRESTRICTED", severity: "error", statement: 0, action: "iam:PassRole", resource });
  });

  it.each<[string, StatementJson]>([
    ["an exact role with iam:PassedToService", { Effect: "Allow", Action: "iam:PassRole", Resource: executionRole, Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } }],
    ["an exact role without a condition", { Effect: "Allow", Action: "iam:PassRole", Resource: executionRole }],
    ["a team's role path (PRIVILEGE_ESCALATION judges patterns)", { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/ml/team-a/*" }],
    ["a Deny on *", { Effect: "Deny", Action: "iam:PassRole", Resource: "*" }],
    ["other IAM actions on *", { Effect: "Allow", Action: ["iam:GetRole", "iam:ListRoles"], Resource: "*" }],
    ["a NotAction that leaves PassRole out", { Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }],
    ["a NotResource that leaves every role out", { Effect: "Allow", Action: "iam:*", NotResource: "arn:aws:iam::111122223333:role/*" }],
  ])("does not fire on %s", (_case, statement) => {
    expect(findings(statement)).toEqual([]);
  });

  it("leaves permissions boundaries alone: iam:* on * there passes nothing by itself", () => {
    expect(findings({ Effect: "Allow", Action: "iam:*", Resource: "*" }, "boundary")).toEqual([]);
  });

  it("names the grant, what iam:PassedToService does not do, and the fix", () => {
    const [finding] = findings({ Effect: "Allow", Action: "iam:*", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } });
    expect(finding?.message).toBe(
      'iam:PassRole (through iam:*) is allowed on every role (iam:PassedToService sagemaker.amazonaws.com limits where roles go, not which roles): any role, administrator roles included, can be handed to a service that runs the principal\'s code; allow it only on the roles the team\'s jobs run as, by exact ARN ("arn:aws:iam::<account>:role/<path>/<name>"), with "StringEquals": {"iam:PassedToService": "<service>"}',
    );
  });
});
