import { centralAi } from "@ml-iam/contracts";
import { documentOf, planWorkspaceStack, resourcesOfType } from "@ml-iam/plan/src/testing";
import type { PlanFile } from "@ml-iam/plan";

let plan: PlanFile;
beforeAll(async () => {
  plan = await planWorkspaceStack("central-ai", "dev");
}, 60_000);

const policyNamed = (name: string) =>
  resourcesOfType(plan, "aws:iam/policy:Policy").find((policy) => policy.inputs.name === name)!;

describe("the central AI stack", () => {
  it("exports every output of its contract", () => {
    expect(centralAi.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs.datasetBucketArns).toEqual(["arn:aws:s3:::ai-datasets-dev", "arn:aws:s3:::ml-datasets-dev"]);
  });

  it("grants dataset reads as AWS needs them: ListBucket on buckets, GetObject on objects", () => {
    const statements = documentOf(policyNamed("central-ai-datasets-read")).Statement;
    expect(statements).toEqual([
      expect.objectContaining({ Action: ["s3:GetBucketLocation", "s3:ListBucket"], Resource: ["arn:aws:s3:::ai-datasets-dev", "arn:aws:s3:::ml-datasets-dev"] }),
      expect.objectContaining({ Action: "s3:GetObject", Resource: ["arn:aws:s3:::ai-datasets-dev/*", "arn:aws:s3:::ml-datasets-dev/*"] }),
    ]);
  });

  it("scopes SageMaker full access to the account and region instead of *", () => {
    const [scoped, unscopable] = documentOf(policyNamed("central-ai-sagemaker-full-access")).Statement;
    expect(scoped).toMatchObject({ Action: "sagemaker:*", Resource: "arn:aws:sagemaker:us-east-1:111111111111:*" });
    expect(unscopable).toMatchObject({ Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } });
    expect(JSON.stringify(unscopable)).not.toContain("iam:PassRole");
  });

  it("keeps SageMaker read-only to Describe and List", () => {
    const actions = documentOf(policyNamed("central-ai-sagemaker-read-only")).Statement.flatMap((s) => s.Action as string[]);
    expect(actions.every((action) => /^sagemaker:(Describe|List)/.test(action))).toBe(true);
  });

  it("puts the boundary on every role and user it creates under its team path", () => {
    const principals = [...resourcesOfType(plan, "aws:iam/role:Role"), ...resourcesOfType(plan, "aws:iam/user:User")].filter(
      (principal) => principal.inputs.path === "/ml/central-ai/",
    );
    expect(principals.length).toBe(3);
    for (const principal of principals) expect(principal.inputs.permissionsBoundary).toBe(plan.outputs.permissionsBoundaryArn);
  });

  it("lets people in only through the access role, with MFA", () => {
    const role = resourcesOfType(plan, "aws:iam/role:Role").find((resource) => resource.inputs.name === "central-ai-access");
    expect(documentOf(role!, "assumeRolePolicy").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ]);
    const [groupPolicy] = resourcesOfType(plan, "aws:iam/groupPolicy:GroupPolicy");
    expect(documentOf(groupPolicy!).Statement).toEqual([{ Effect: "Allow", Action: "sts:AssumeRole", Resource: plan.outputs.accessRoleArn }]);
  });

  it("creates its users under the team path with no access keys or login profiles", () => {
    const users = resourcesOfType(plan, "aws:iam/user:User");
    expect(users.map((user) => user.inputs.path)).toEqual(["/ml/central-ai/", "/ml/central-ai/"]);
    expect(resourcesOfType(plan, "aws:iam/accessKey:AccessKey")).toEqual([]);
    expect(resourcesOfType(plan, "aws:iam/userLoginProfile:UserLoginProfile")).toEqual([]);
  });

  it("protects the boundary and the shared policies in prod, not in dev", async () => {
    const protectedPolicies = (p: PlanFile) =>
      resourcesOfType(p, "aws:iam/policy:Policy").filter((policy) => policy.protect).map((policy) => policy.inputs.name);
    const prod = await planWorkspaceStack("central-ai", "prod");
    expect(protectedPolicies(prod)).toEqual([
      "central-ai-datasets-read",
      "central-ai-sagemaker-full-access",
      "central-ai-sagemaker-read-only",
      "central-ai-team-boundary",
    ]);
    expect(protectedPolicies(plan)).toEqual([]);
  });

  it("replaces explicitly named resources by deleting first, as their names cannot coexist", () => {
    const named = [...resourcesOfType(plan, "aws:iam/role:Role"), ...resourcesOfType(plan, "aws:iam/policy:Policy")];
    expect(named.every((resource) => resource.deleteBeforeReplace)).toBe(true);
  });
});
