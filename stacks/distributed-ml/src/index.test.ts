import { distributedMl } from "@ml-iam/contracts";
import { documentOf, planWorkspaceStacks, resourcesOfType } from "@ml-iam/plan/src/testing";
import type { PlanFile } from "@ml-iam/plan";

interface Grant {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

let plan: PlanFile;
let central: PlanFile;
// Plans central-ai (this stack's upstream, whose outputs the tests compare with), then this stack: slower than a unit test.
beforeAll(async () => {
  [central, plan] = await planWorkspaceStacks(["central-ai", "distributed-ml"], "dev");
}, 60_000);

const ec2Arn = "arn:aws:ec2:us-east-1:111111111111";
const list = (value: string | string[] | undefined) => ([] as string[]).concat(value ?? []);
const roleNamed = (purpose: string) =>
  resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.inputs.name === `distributed-ml-${purpose}`)!;

/** Every statement of every managed policy attached to a role, the central stack's shared ones included. */
function grantsOf(purpose: string): Grant[] {
  const policies = [...resourcesOfType(plan, "aws:iam/policy:Policy"), ...resourcesOfType(central, "aws:iam/policy:Policy")];
  return resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
    .filter((attachment) => attachment.inputs.role === `distributed-ml-${purpose}`)
    .flatMap((attachment) => documentOf(policies.find((policy) => policy.outputs.arn === attachment.inputs.policyArn)!).Statement as unknown as Grant[]);
}

/** The Allow statements of a role that name an action. */
const grantsOfAction = (purpose: string, action: string) =>
  grantsOf(purpose).filter((grant) => grant.Effect === "Allow" && list(grant.Action).includes(action));

describe("the distributed ML stack", () => {
  it("exports every output of its contract", () => {
    expect(distributedMl.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs).toEqual({
      accessRoleArn: "arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-access",
      executionRoleArn: "arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-execution",
      policyArn: "arn:aws:iam::111111111111:policy/ml/distributed-ml/distributed-ml-ec2-training",
      groupName: "distributed-ml-users",
    });
  });

  it.each(["access", "execution"])("lets the %s role list the dataset buckets and read and write their objects", (purpose) => {
    const resourcesOf = (action: string) => grantsOfAction(purpose, action).flatMap((grant) => list(grant.Resource));
    expect(resourcesOf("s3:ListBucket")).toContain("arn:aws:s3:::distributed-ml-datasets-dev");
    for (const action of ["s3:GetObject", "s3:PutObject"]) expect(resourcesOf(action)).toContain("arn:aws:s3:::distributed-ml-datasets-dev/*");
  });

  it("grants ListBucket on bucket ARNs only, where the seed granted it on objects and it never matched", () => {
    const listed = ["access", "execution"].flatMap((purpose) => grantsOfAction(purpose, "s3:ListBucket")).flatMap((grant) => list(grant.Resource));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((arn) => !/^arn:aws:s3:::[^/]+$/.test(arn))).toEqual([]);
  });

  it("launches instances, volumes and network interfaces only tagged for the team on creation", () => {
    const launches = grantsOfAction("access", "ec2:RunInstances");
    const created = launches.filter((grant) => list(grant.Resource).some((arn) => /:(instance|volume|network-interface)\//.test(arn)));
    expect(created.flatMap((grant) => list(grant.Resource)).sort()).toEqual([
      `${ec2Arn}:instance/*`,
      `${ec2Arn}:network-interface/*`,
      `${ec2Arn}:volume/*`,
    ]);
    for (const grant of created) expect(grant.Condition?.StringEquals?.["aws:RequestTag/team"]).toBe("distributed-ml");
    expect(grantsOfAction("access", "ec2:CreateTags")).toEqual([
      expect.objectContaining({ Condition: { StringEquals: { "ec2:CreateAction": "RunInstances" } } }),
    ]);
  });

  it("launches only from the configured AMIs, subnets and security groups", () => {
    const [shared] = grantsOfAction("access", "ec2:RunInstances").filter((grant) => grant.Condition === undefined);
    expect(shared?.Resource).toEqual([
      `${ec2Arn}:security-group/sg-0a1b2c3d4e5f60001`,
      `${ec2Arn}:subnet/subnet-0a1b2c3d4e5f60001`,
      `${ec2Arn}:subnet/subnet-0b1b2c3d4e5f60001`,
      "arn:aws:ec2:us-east-1::image/ami-0a1b2c3d4e5f60001",
    ]);
  });

  it("stops and terminates only instances tagged for the team", () => {
    for (const action of ["ec2:TerminateInstances", "ec2:StopInstances"]) {
      expect(grantsOfAction("access", action).map((grant) => [grant.Resource, grant.Condition])).toEqual([
        [`${ec2Arn}:instance/*`, { StringEquals: { "aws:ResourceTag/team": "distributed-ml" } }],
      ]);
    }
  });

  it("lets a coordinator instance launch its workers only as the execution role itself, to EC2", () => {
    const passRole = grantsOf("execution").filter((grant) => list(grant.Action).includes("iam:PassRole"));
    expect(passRole.flatMap((grant) => list(grant.Resource))).toEqual([plan.outputs.executionRoleArn]);
    expect(passRole.map((grant) => grant.Condition)).toEqual([{ StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } }]);
  });

  it("lets only EC2 assume the execution role, through an instance profile under the team path", () => {
    expect(documentOf(roleNamed("execution"), "assumeRolePolicy").Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    expect(resourcesOfType(plan, "aws:iam/instanceProfile:InstanceProfile").map((profile) => profile.inputs)).toEqual([
      { name: "distributed-ml-execution", path: "/ml/distributed-ml/", role: "distributed-ml-execution" },
    ]);
  });

  it("lets people pass exactly the execution role, to EC2 only", () => {
    expect(grantsOfAction("access", "iam:PassRole")).toEqual([
      expect.objectContaining({
        Resource: plan.outputs.executionRoleArn,
        Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
      }),
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
    expect(membership?.inputs).toMatchObject({ group: plan.outputs.groupName, users: ["erin.dml", "frank.dml"] });
  });

  it("puts the central boundary on every role and attaches central's datasets policy by the ARN it exports", () => {
    expect(plan.references).toEqual([
      { project: "central-ai", stack: "organization/central-ai/dev", keys: ["datasetsReadPolicyArn", "permissionsBoundaryArn"] },
    ]);
    const roles = resourcesOfType(plan, "aws:iam/role:Role");
    expect(roles.map((role) => role.inputs.name)).toEqual(["distributed-ml-access", "distributed-ml-execution"]);
    for (const role of roles) expect(role.inputs.permissionsBoundary).toBe(central.outputs.permissionsBoundaryArn);
    const attachments = resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    const datasetsRead = attachments.filter((attachment) => attachment.inputs.policyArn === central.outputs.datasetsReadPolicyArn);
    expect(datasetsRead.map((attachment) => attachment.inputs.role).sort()).toEqual(["distributed-ml-access", "distributed-ml-execution"]);
  });

  it("plans with no policy warnings", () => {
    expect(plan.diagnostics).toEqual([]);
  });
});
