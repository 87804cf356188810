import { dataScientists } from "@ml-iam/contracts";
import { documentOf, planWorkspaceStacks, resourcesOfType } from "@ml-iam/plan/src/testing";
import type { PlanFile } from "@ml-iam/plan";

interface Grant {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

let plan: PlanFile;
let central: PlanFile;
// Plans central-ai (this stack's upstream, whose outputs the tests compare with), then this stack: slower than a unit test.
beforeAll(async () => {
  [central, plan] = await planWorkspaceStacks(["central-ai", "data-scientists"], "dev");
}, 60_000);

const list = (value: string | string[] | undefined) => ([] as string[]).concat(value ?? []);
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
const roleNamed = (purpose: string) =>
  resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.inputs.name === `data-scientists-${purpose}`)!;

/** Every statement of every managed policy attached to a role, the central stack's shared ones included. */
function grantsOf(purpose: string): Grant[] {
  const policies = [...resourcesOfType(plan, "aws:iam/policy:Policy"), ...resourcesOfType(central, "aws:iam/policy:Policy")];
  return resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
    .filter((attachment) => attachment.inputs.role === `data-scientists-${purpose}`)
    .flatMap((attachment) => documentOf(policies.find((policy) => policy.outputs.arn === attachment.inputs.policyArn)!).Statement as unknown as Grant[]);
}

/** The resources a role's policies allow an action on, whatever the conditions. */
const resourcesAllowed = (purpose: string, action: string) =>
  grantsOf(purpose)
    .filter((grant) => grant.Effect === "Allow" && list(grant.Action).some((pattern) => glob(pattern).test(action)))
    .flatMap((grant) => list(grant.Resource));

describe("the data scientists stack", () => {
  it("exports every output of its contract", () => {
    expect(dataScientists.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs).toEqual({
      accessRoleArn: "arn:aws:iam::111111111111:role/ml/data-scientists/data-scientists-access",
      executionRoleArn: "arn:aws:iam::111111111111:role/ml/data-scientists/data-scientists-execution",
      policyArn: "arn:aws:iam::111111111111:policy/ml/data-scientists/data-scientists-studio-and-data",
      groupName: "data-scientists-users",
    });
  });

  it("lets data scientists list and read the team's and the shared datasets, but write no S3 object", () => {
    expect(resourcesAllowed("access", "s3:ListBucket")).toEqual(
      expect.arrayContaining(["arn:aws:s3:::data-scientists-datasets-dev", "arn:aws:s3:::ai-datasets-dev", "arn:aws:s3:::ml-datasets-dev"]),
    );
    expect(resourcesAllowed("access", "s3:GetObject")).toEqual(
      expect.arrayContaining(["arn:aws:s3:::data-scientists-datasets-dev/*", "arn:aws:s3:::ai-datasets-dev/*"]),
    );
    for (const write of ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]) expect(resourcesAllowed("access", write)).toEqual([]);
  });

  it("lets SageMaker jobs read the datasets and write only the artifact bucket", () => {
    expect(resourcesAllowed("execution", "s3:GetObject")).toEqual(
      expect.arrayContaining(["arn:aws:s3:::data-scientists-datasets-dev/*", "arn:aws:s3:::ai-datasets-dev/*"]),
    );
    expect(resourcesAllowed("execution", "s3:PutObject")).toEqual(["arn:aws:s3:::data-scientists-artifacts-dev/*"]);
  });

  it("grants ListBucket on bucket ARNs and GetObject on object ARNs, never the other way round", () => {
    for (const purpose of ["access", "execution"]) {
      expect(resourcesAllowed(purpose, "s3:ListBucket").filter((arn) => arn.includes("/"))).toEqual([]);
      expect(resourcesAllowed(purpose, "s3:GetObject").filter((arn) => !arn.includes("/"))).toEqual([]);
    }
  });

  it("lets only SageMaker, on behalf of this account, assume the execution role", () => {
    expect(documentOf(roleNamed("execution"), "assumeRolePolicy").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
      },
    ]);
  });

  it("lets people in only through the access role, with MFA, and the group assume exactly that role", () => {
    expect(documentOf(roleNamed("access"), "assumeRolePolicy").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ]);
    const [groupPolicy] = resourcesOfType(plan, "aws:iam/groupPolicy:GroupPolicy");
    expect(documentOf(groupPolicy!).Statement).toEqual([{ Effect: "Allow", Action: "sts:AssumeRole", Resource: plan.outputs.accessRoleArn }]);
    const [membership] = resourcesOfType(plan, "aws:iam/groupMembership:GroupMembership");
    expect(membership?.inputs).toMatchObject({ group: plan.outputs.groupName, users: ["carol.ds", "dave.ds"] });
  });

  it("lets data scientists pass exactly the execution role, to SageMaker only, and the execution role pass none", () => {
    const passRole = grantsOf("access").filter((grant) => list(grant.Action).includes("iam:PassRole"));
    expect(passRole).toEqual([
      expect.objectContaining({
        Resource: plan.outputs.executionRoleArn,
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      }),
    ]);
    expect(resourcesAllowed("execution", "iam:PassRole")).toEqual([]);
  });

  it("creates SageMaker jobs only tagged for the team, where the seed allowed sagemaker:* on any notebook instance", () => {
    const sageMaker = grantsOf("access").filter((grant) => list(grant.Action).some((action) => action.startsWith("sagemaker:")));
    expect(sageMaker.flatMap((grant) => list(grant.Action))).not.toContain("sagemaker:*");
    expect(sageMaker.flatMap((grant) => list(grant.Resource)).filter((arn) => arn.includes("notebook-instance"))).toEqual([]);
    const creates = sageMaker.filter((grant) => list(grant.Action).includes("sagemaker:CreateTrainingJob"));
    expect(creates.map((grant) => grant.Condition)).toEqual([{ StringEquals: { "aws:RequestTag/team": "data-scientists" } }]);
  });

  it("puts the central boundary on every role", () => {
    const roles = resourcesOfType(plan, "aws:iam/role:Role");
    expect(roles.map((role) => role.inputs.name)).toEqual(["data-scientists-access", "data-scientists-execution"]);
    for (const role of roles) expect(role.inputs.permissionsBoundary).toBe(central.outputs.permissionsBoundaryArn);
  });

  it("attaches the central stack's shared policies by the ARNs it exports", () => {
    expect(plan.references).toEqual([
      {
        project: "central-ai",
        stack: "organization/central-ai/dev",
        keys: ["datasetsReadPolicyArn", "permissionsBoundaryArn", "sagemakerReadOnlyPolicyArn"],
      },
    ]);
    const attached = (purpose: string) =>
      resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        .filter((attachment) => attachment.inputs.role === `data-scientists-${purpose}`)
        .map((attachment) => attachment.inputs.policyArn);
    expect(attached("access")).toEqual(expect.arrayContaining([central.outputs.datasetsReadPolicyArn, central.outputs.sagemakerReadOnlyPolicyArn]));
    expect(attached("execution")).toContain(central.outputs.datasetsReadPolicyArn);
  });

  it("plans with no policy warnings", () => {
    expect(plan.diagnostics).toEqual([]);
  });
});
