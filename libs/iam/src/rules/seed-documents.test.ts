import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyDocumentJson, PolicyKind } from "../policy-json";
import { validatePolicy } from "../validate-policy";

/** The source documents' policies, as JSON exactly as they wrote them (fixtures/seed-<n>-<policy|trust>.json). */
function lint(fixture: string): [code: string, statement: number | undefined, action: string | undefined, resource: string | undefined][] {
  const document = JSON.parse(readFileSync(join(__dirname, "fixtures", `${fixture}.json`), "utf8")) as PolicyDocumentJson;
  const kind: PolicyKind = fixture.endsWith("-trust") ? "trust" : "identity";
  return validatePolicy(document, { kind }).map((f) => [f.code, f.statement, f.action, f.resource]);
}

const confusedDeputy = ["MISSING_CONFUSED_DEPUTY_CONDITION", 0, "sts:AssumeRole", undefined];
const notebookEscalations = (resource: string) => [
  ["PRIVILEGE_ESCALATION", 0, "sagemaker:CreatePresignedNotebookInstanceUrl", resource],
  ["PRIVILEGE_ESCALATION", 0, "sagemaker:UpdateNotebookInstance", resource],
];

describe("the source documents' policies, linted as written", () => {
  it("seed 000: sagemaker:* on anyone's notebook instances opens them all; ListBucket and GetObject are right", () => {
    expect(lint("seed-000-policy")).toEqual([
      ["WILDCARD_ACTION", 0, "sagemaker:*", undefined],
      ...notebookEscalations("arn:aws:sagemaker:*:*:notebook-instance/*"),
    ]);
  });

  it("seed 000: SageMaker is trusted without aws:SourceAccount", () => {
    expect(lint("seed-000-trust")).toEqual([confusedDeputy]);
  });

  it("seed 001: ListBucket on the bucket and GetObject on its objects is correct as written", () => {
    expect(lint("seed-001-policy")).toEqual([]);
  });

  it("seed 002: sagemaker:* and logs:* on *, network interfaces of the whole account, but ecr:GetAuthorizationToken is fine on *", () => {
    const findings = lint("seed-002-policy");
    expect(findings).toEqual([
      ["WILDCARD_RESOURCE", 0, "sagemaker:*", "*"],
      ["WILDCARD_RESOURCE", 0, "ec2:CreateNetworkInterface", "*"],
      ["WILDCARD_RESOURCE", 0, "ec2:DeleteNetworkInterface", "*"],
      ["WILDCARD_RESOURCE", 0, "logs:*", "*"],
      ["WILDCARD_ACTION", 0, "sagemaker:*", undefined],
      ["WILDCARD_ACTION", 0, "logs:*", undefined],
      ...notebookEscalations("*"),
      ["PRIVILEGE_ESCALATION", 0, "sagemaker:UpdateNotebookInstanceLifecycleConfig", "*"],
      ["PRIVILEGE_ESCALATION", 0, "sagemaker:CreatePresignedDomainUrl", "*"],
    ]);
    // GetAuthorizationToken and DescribeNetworkInterfaces have no resource-level permissions: "*" is their only resource.
    expect(findings.filter(([, , action]) => action === "ecr:GetAuthorizationToken" || action === "ec2:DescribeNetworkInterfaces")).toEqual([]);
  });

  it("seed 002: SageMaker is trusted without aws:SourceAccount", () => {
    expect(lint("seed-002-trust")).toEqual([confusedDeputy]);
  });

  it("seed 003: sagemaker:* on * grants every SageMaker action on every resource, other teams' notebooks and Studio profiles included", () => {
    expect(lint("seed-003-policy")).toEqual([
      ["WILDCARD_RESOURCE", 0, "sagemaker:*", "*"],
      ["WILDCARD_ACTION", 0, "sagemaker:*", undefined],
      ...notebookEscalations("*"),
      ["PRIVILEGE_ESCALATION", 0, "sagemaker:UpdateNotebookInstanceLifecycleConfig", "*"],
      ["PRIVILEGE_ESCALATION", 0, "sagemaker:CreatePresignedDomainUrl", "*"],
    ]);
  });

  it("seed 004: ListBucket on object ARNs never matches (an error); RunInstances and TerminateInstances reach every instance", () => {
    expect(lint("seed-004-policy")).toEqual([
      ["RESOURCE_MISMATCH", 0, "s3:ListBucket", "arn:aws:s3:::ml-datasets-*/*"],
      ["WILDCARD_RESOURCE", 1, "ec2:RunInstances", "*"],
      ["WILDCARD_RESOURCE", 1, "ec2:TerminateInstances", "*"],
    ]);
  });

  it("seed 004: SageMaker is trusted without aws:SourceAccount", () => {
    expect(lint("seed-004-trust")).toEqual([confusedDeputy]);
  });
});
