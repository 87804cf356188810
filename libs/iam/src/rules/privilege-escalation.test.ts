import { normalizePolicy } from "../normalized-policy";
import type { PolicyKind, StatementJson } from "../policy-json";
import { validatePolicy } from "../validate-policy";
import { escalationPaths, privilegeEscalation } from "./privilege-escalation";

const account = "arn:aws:iam::111122223333";
const sagemaker = "arn:aws:sagemaker:us-east-1:111122223333";
const findings = (statements: StatementJson[], kind: PolicyKind = "identity") =>
  validatePolicy({ Version: "2012-10-17", Statement: statements }, { kind, rules: [privilegeEscalation] });
const summary = (statements: StatementJson[]) => findings(statements).map((f) => [f.statement, f.action, f.resource]);

describe("PRIVILEGE_ESCALATION", () => {
  it.each<[string, StatementJson, string, string]>([
    ["CreatePolicyVersion on every policy", { Effect: "Allow", Action: "iam:CreatePolicyVersion", Resource: "*" }, "iam:CreatePolicyVersion", "*"],
    ["SetDefaultPolicyVersion on every policy", { Effect: "Allow", Action: "iam:SetDefaultPolicyVersion", Resource: `${account}:policy/*` }, "iam:SetDefaultPolicyVersion", `${account}:policy/*`],
    ["AttachRolePolicy on every role", { Effect: "Allow", Action: "iam:AttachRolePolicy", Resource: `${account}:role/*` }, "iam:AttachRolePolicy", `${account}:role/*`],
    ["AttachUserPolicy on every user", { Effect: "Allow", Action: "iam:AttachUserPolicy", Resource: "*" }, "iam:AttachUserPolicy", "*"],
    ["AttachGroupPolicy on every group", { Effect: "Allow", Action: "iam:AttachGroupPolicy", Resource: "*" }, "iam:AttachGroupPolicy", "*"],
    ["PutRolePolicy on every role", { Effect: "Allow", Action: "iam:PutRolePolicy", Resource: "*" }, "iam:PutRolePolicy", "*"],
    ["PutUserPolicy on every user", { Effect: "Allow", Action: "iam:PutUserPolicy", Resource: "*" }, "iam:PutUserPolicy", "*"],
    ["PutGroupPolicy on every group", { Effect: "Allow", Action: "iam:PutGroupPolicy", Resource: "*" }, "iam:PutGroupPolicy", "*"],
    ["UpdateAssumeRolePolicy on every role", { Effect: "Allow", Action: "iam:UpdateAssumeRolePolicy", Resource: "*" }, "iam:UpdateAssumeRolePolicy", "*"],
    ["CreateAccessKey on every user", { Effect: "Allow", Action: "iam:CreateAccessKey", Resource: `${account}:user/*` }, "iam:CreateAccessKey", `${account}:user/*`],
    ["CreateLoginProfile on every user", { Effect: "Allow", Action: "iam:CreateLoginProfile", Resource: "*" }, "iam:CreateLoginProfile", "*"],
    ["UpdateLoginProfile on every user", { Effect: "Allow", Action: "iam:UpdateLoginProfile", Resource: "*" }, "iam:UpdateLoginProfile", "*"],
    ["AddUserToGroup on every group", { Effect: "Allow", Action: "iam:AddUserToGroup", Resource: "*" }, "iam:AddUserToGroup", "*"],
    ["DeleteRolePermissionsBoundary on every role", { Effect: "Allow", Action: "iam:DeleteRolePermissionsBoundary", Resource: "*" }, "iam:DeleteRolePermissionsBoundary", "*"],
    ["sts:AssumeRole on every role", { Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }, "sts:AssumeRole", "*"],
    ["presigned notebook URLs on every notebook", { Effect: "Allow", Action: "sagemaker:CreatePresignedNotebookInstanceUrl", Resource: `${sagemaker}:notebook-instance/*` }, "sagemaker:CreatePresignedNotebookInstanceUrl", `${sagemaker}:notebook-instance/*`],
    ["presigned notebook URLs in any region and account", { Effect: "Allow", Action: "sagemaker:CreatePresignedNotebookInstanceUrl", Resource: "arn:aws:sagemaker:*:*:notebook-instance/*" }, "sagemaker:CreatePresignedNotebookInstanceUrl", "arn:aws:sagemaker:*:*:notebook-instance/*"],
    ["lifecycle configs of every notebook", { Effect: "Allow", Action: "sagemaker:UpdateNotebookInstanceLifecycleConfig", Resource: "*" }, "sagemaker:UpdateNotebookInstanceLifecycleConfig", "*"],
    ["Studio URLs of every profile of a domain", { Effect: "Allow", Action: "sagemaker:CreatePresignedDomainUrl", Resource: `${sagemaker}:user-profile/d-123/*` }, "sagemaker:CreatePresignedDomainUrl", `${sagemaker}:user-profile/d-123/*`],
    ["an IAM write through NotResource", { Effect: "Allow", Action: "iam:PutRolePolicy", NotResource: `${account}:role/admin` }, "iam:PutRolePolicy", `NotResource ${account}:role/admin`],
    [
      "AttachRolePolicy with a negated iam:PolicyARN, which restricts nothing",
      { Effect: "Allow", Action: "iam:AttachRolePolicy", Resource: "*", Condition: { ArnNotLike: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" } } },
      "iam:AttachRolePolicy",
      "*",
    ],
  ])("fires on %s", (_case, statement, action, resource) => {
    expect(summary([statement])).toEqual([[0, action, resource]]);
    expect(findings([statement])[0]?.severity).toBe("warning");
  });

  it("reports each escalating action a wildcard grants", () => {
    expect(summary([{ Effect: "Allow", Action: "sagemaker:*", Resource: "*" }])).toEqual([
      [0, "sagemaker:CreatePresignedNotebookInstanceUrl", "*"],
      [0, "sagemaker:UpdateNotebookInstance", "*"],
      [0, "sagemaker:UpdateNotebookInstanceLifecycleConfig", "*"],
      [0, "sagemaker:CreatePresignedDomainUrl", "*"],
    ]);
  });

  it.each<[string, StatementJson]>([
    ["IAM writes under the team's path", { Effect: "Allow", Action: ["iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy"], Resource: `${account}:role/ml/team-a/*` }],
    ["policy versions of the team's policies", { Effect: "Allow", Action: ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], Resource: `${account}:policy/ml/team-a/*` }],
    ["a path under a policy variable", { Effect: "Allow", Action: "iam:PutRolePolicy", Resource: `${account}:role/ml/\${aws:PrincipalTag/team}/*` }],
    ["the user's own access keys", { Effect: "Allow", Action: ["iam:CreateAccessKey", "iam:UpdateLoginProfile"], Resource: `${account}:user/\${aws:username}` }],
    ["attaching only listed policies", { Effect: "Allow", Action: "iam:AttachRolePolicy", Resource: "*", Condition: { ArnEquals: { "iam:PolicyARN": `${account}:policy/ml/team-a/team-a-jobs` } } }],
    ["setting only the team boundary", { Effect: "Allow", Action: "iam:PutRolePermissionsBoundary", Resource: "*", Condition: { StringEquals: { "iam:PermissionsBoundary": `${account}:policy/ml/boundary` } } }],
    ["assuming a named role", { Effect: "Allow", Action: "sts:AssumeRole", Resource: `${account}:role/ml/team-a/team-a-access` }],
    ["the team's notebooks", { Effect: "Allow", Action: ["sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:UpdateNotebookInstance"], Resource: `${sagemaker}:notebook-instance/team-a-*` }],
    ["the team's Studio profiles", { Effect: "Allow", Action: "sagemaker:CreatePresignedDomainUrl", Resource: `${sagemaker}:user-profile/d-123/team-a-*` }],
    ["notebooks tagged for the team", { Effect: "Allow", Action: "sagemaker:CreatePresignedNotebookInstanceUrl", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "team-a" } } }],
    ["sagemaker:* on resources that are not notebooks or profiles", { Effect: "Allow", Action: "sagemaker:*", Resource: `${sagemaker}:training-job/team-a-*` }],
    ["reading IAM", { Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" }],
    ["a Deny of IAM writes", { Effect: "Deny", Action: "iam:*", Resource: "*" }],
  ])("does not fire on %s", (_case, statement) => {
    expect(findings([statement])).toEqual([]);
  });

  describe("iam:PassRole with an action that runs code as the passed role", () => {
    const createTrainingJob: StatementJson = { Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: `${sagemaker}:training-job/team-a-*` };

    it.each<[string, StatementJson, StatementJson, string]>([
      ["a role pattern and training jobs", { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/team-a/*` }, createTrainingJob, `${account}:role/ml/team-a/*`],
      [
        "a role pattern passed to SageMaker, and notebooks",
        { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/*-execution`, Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } },
        { Effect: "Allow", Action: "sagemaker:CreateNotebookInstance", Resource: "*" },
        `${account}:role/*-execution`,
      ],
      ["every role, and processing jobs", { Effect: "Allow", Action: "iam:PassRole", Resource: "*" }, { Effect: "Allow", Action: "sagemaker:CreateProcessingJob", Resource: "*" }, "*"],
      ["a role pattern and EC2 instances", { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/*` }, { Effect: "Allow", Action: "ec2:RunInstances", Resource: "*" }, `${account}:role/ml/*`],
      ["a role pattern and Lambda functions", { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/*` }, { Effect: "Allow", Action: "lambda:CreateFunction", Resource: "*" }, `${account}:role/ml/*`],
    ])("fires on %s", (_case, pass, compute, resource) => {
      const found = findings([pass, compute]).filter((f) => f.action === "iam:PassRole");
      expect(found.map((f) => [f.statement, f.resource])).toEqual([[0, resource]]);
      expect(found[0]?.message).toMatch(/lets the principal run its code as any role the pattern matches/);
    });

    it.each<[string, StatementJson, StatementJson]>([
      [
        "an exact role with iam:PassedToService",
        { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/team-a/team-a-execution`, Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } },
        createTrainingJob,
      ],
      ["a role pattern without an action that runs code", { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/team-a/*` }, { Effect: "Allow", Action: "sagemaker:DescribeTrainingJob", Resource: "*" }],
      [
        "a role pattern passed only to a service the document cannot start",
        { Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/*`, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } },
        createTrainingJob,
      ],
      ["an account wildcard on an exact role name", { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::*:role/ml/team-a/team-a-execution" }, createTrainingJob],
    ])("does not fire on %s", (_case, pass, compute) => {
      expect(findings([pass, compute])).toEqual([]);
    });

    it("names where the action that runs code is granted", () => {
      const [finding] = findings([{ Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/ml/*` }, createTrainingJob]);
      expect(finding?.message).toBe(
        `iam:PassRole on ${account}:role/ml/* with sagemaker:CreateTrainingJob (statement 1) lets the principal run its code as any role the pattern matches, roles with more permissions than its own included: pass only the team's execution roles, each by exact ARN, with iam:PassedToService`,
      );
    });
  });

  it("leaves permissions boundaries alone: a ceiling grants nothing", () => {
    expect(findings([{ Effect: "Allow", Action: ["iam:*", "sagemaker:*", "sts:AssumeRole"], Resource: "*" }], "boundary")).toEqual([]);
  });

  it("finds combinations across documents, naming each", () => {
    const pass = normalizePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: `${account}:role/*` }] });
    const jobs = normalizePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Effect: "Allow", Action: "sagemaker:CreateTrainingJob", Resource: "*" }] });
    const paths = escalationPaths([
      ...pass.statements.map((statement) => ({ statement, policy: "pass" })),
      ...jobs.statements.map((statement) => ({ statement, policy: "jobs" })),
    ]);
    expect(paths.map((path) => path.steps)).toEqual([
      [
        { policy: "pass", statement: 0, action: "iam:PassRole", resource: `${account}:role/*` },
        { policy: "jobs", statement: 1, action: "sagemaker:CreateTrainingJob", resource: "*" },
      ],
    ]);
    expect(paths[0]?.message).toMatch(/with sagemaker:CreateTrainingJob \(jobs statement 1\)/);
  });
});
