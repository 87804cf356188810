import type { PolicyDocumentJson } from "@ml-iam/iam";
import { planWorkspace, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { planPrincipals, type PlanPrincipal } from "../plan-principals";
import { simulate } from "./evaluate";

// Proven by simulation over the repository's own dev plans, not over hand-written copies of the policies.
let principals: PlanPrincipal[];
let boundary: PolicyDocumentJson;
beforeAll(async () => {
  principals = planPrincipals(await planWorkspace("dev"));
  boundary = principals.find((p) => p.name === "data-scientists-access")!.boundary!.document!;
}, workspacePlanTimeout);

const account = "111111111111";
const iamArn = (resource: string) => `arn:aws:iam::${account}:${resource}`;
const boundaryArn = iamArn("policy/ml/central-ai/central-ai-team-boundary");
const allowEverything: PolicyDocumentJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const asDataScientist = { "aws:PrincipalTag/team": "data-scientists" };

/** What the boundary alone lets a data-scientists principal do, whatever its own policies grant. */
const underBoundary = (action: string, resource: string, context: Record<string, string> = {}) =>
  simulate({ action, resource, context: { ...asDataScientist, ...context } }, { identity: [allowEverything], boundary }).decision;

describe("the central permissions boundary, simulated", () => {
  it.each([
    ["iam:CreateRole", iamArn("role/ml/model-builders/x"), { "iam:PermissionsBoundary": boundaryArn }],
    ["iam:PutRolePolicy", iamArn("role/ml/model-builders/model-builders-access"), {}],
    ["iam:CreatePolicy", iamArn("policy/admin"), {}],
    ["iam:PassRole", iamArn("role/ml/model-builders/model-builders-job"), {}],
  ])("denies IAM writes outside the team's path: %s on %s", (action, resource, context) => {
    expect(underBoundary(action, resource, context)).toBe("ExplicitlyDenied");
  });

  it("allows IAM writes under the team's own path", () => {
    expect(underBoundary("iam:PutRolePolicy", iamArn("role/ml/data-scientists/data-scientists-access"))).toBe("Allowed");
  });

  it.each([
    ["iam:DeleteRolePermissionsBoundary", iamArn("role/ml/data-scientists/data-scientists-access"), {}],
    ["iam:PutRolePermissionsBoundary", iamArn("role/ml/data-scientists/data-scientists-access"), { "iam:PermissionsBoundary": iamArn("policy/ml/data-scientists/weaker") }],
    ["iam:CreatePolicyVersion", boundaryArn, {}],
    ["iam:DeletePolicy", boundaryArn, {}],
    ["iam:CreateRole", iamArn("role/ml/data-scientists/unbounded"), {}],
    ["iam:CreateRole", iamArn("role/ml/data-scientists/other-boundary"), { "iam:PermissionsBoundary": iamArn("policy/ml/data-scientists/weaker") }],
  ])("denies removing, replacing or editing the boundary: %s on %s", (action, resource, context) => {
    expect(underBoundary(action, resource, context)).toBe("ExplicitlyDenied");
  });

  it("allows a new team role that carries the boundary", () => {
    expect(underBoundary("iam:CreateRole", iamArn("role/ml/data-scientists/new"), { "iam:PermissionsBoundary": boundaryArn })).toBe("Allowed");
  });

  it.each([
    ["arn:aws:iam::aws:policy/AdministratorAccess", "ExplicitlyDenied"],
    [iamArn("policy/ml/model-builders/model-builders-job-runtime"), "ExplicitlyDenied"],
    [iamArn("policy/ml/data-scientists/data-scientists-ml-jobs"), "Allowed"],
    [iamArn("policy/ml/central-ai/central-ai-datasets-read"), "Allowed"],
  ])("attaches only the team's and the shared policies: %s → %s", (policyArn, decision) => {
    expect(underBoundary("iam:AttachRolePolicy", iamArn("role/ml/data-scientists/data-scientists-access"), { "iam:PolicyARN": policyArn })).toBe(decision);
  });
});

describe("the distributed-ml access role, which people launch training instances as, simulated", () => {
  const role = () => principals.find((p) => p.name === "distributed-ml-access")!;
  const asRole = (action: string, resource: string, context: Record<string, string | string[]> = {}) =>
    simulate(
      { action, resource, context: { "aws:PrincipalTag/team": "distributed-ml", ...context } },
      { identity: role().policies.map((policy) => policy.document!).filter(Boolean), boundary: role().boundary?.document },
    ).decision;
  const ec2 = (resource: string) => `arn:aws:ec2:us-east-1:${account}:${resource}`;
  const launch = { "aws:RequestTag/team": "distributed-ml", "aws:TagKeys": ["team"], "ec2:MetadataHttpTokens": "required", "ec2:InstanceType": "p4d.24xlarge" };

  it.each([
    ec2("instance/*"),
    ec2("volume/*"),
    ec2("network-interface/*"),
    ec2("subnet/subnet-0a1b2c3d4e5f60001"),
    ec2("security-group/sg-0a1b2c3d4e5f60001"),
    `arn:aws:ec2:us-east-1::image/ami-0a1b2c3d4e5f60001`,
  ])("can really run an instance: RunInstances on %s with the team's request tags", (resource) => {
    expect(asRole("ec2:RunInstances", resource, launch)).toBe("Allowed");
  });

  it("passes the instance role to the instances it launches, and no other role", () => {
    const passedToEc2 = { "iam:PassedToService": "ec2.amazonaws.com" };
    expect(asRole("iam:PassRole", iamArn("role/ml/distributed-ml/distributed-ml-instance"), passedToEc2)).toBe("Allowed");
    expect(asRole("iam:PassRole", iamArn("role/ml/distributed-ml/distributed-ml-access"), passedToEc2)).not.toBe("Allowed");
    expect(asRole("iam:PassRole", iamArn("role/ml/central-ai/central-ai-access"), passedToEc2)).not.toBe("Allowed");
  });

  it("launches only the instance types the team's config lists", () => {
    expect(asRole("ec2:RunInstances", ec2("instance/*"), { ...launch, "ec2:InstanceType": "p5.48xlarge" })).toBe("Allowed");
    expect(asRole("ec2:RunInstances", ec2("instance/*"), { ...launch, "ec2:InstanceType": "x2iedn.32xlarge" })).not.toBe("Allowed");
  });

  it("cannot launch an instance without the team tag", () => {
    expect(asRole("ec2:RunInstances", ec2("instance/*"), { "ec2:MetadataHttpTokens": "required" })).not.toBe("Allowed");
  });

  it("terminates its team's instances and not another team's", () => {
    expect(asRole("ec2:TerminateInstances", ec2("instance/i-0123456789abcdef0"), { "aws:ResourceTag/team": "distributed-ml" })).toBe("Allowed");
    expect(asRole("ec2:TerminateInstances", ec2("instance/i-0fedcba9876543210"), { "aws:ResourceTag/team": "model-builders" })).not.toBe("Allowed");
  });
});
