import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelBuilders } from "@ml-iam/contracts";
import { documentOf, planWorkspaceStack, planWorkspaceStacks, resourcesOfType } from "@ml-iam/plan/src/testing";
import { planStack, readWorkspaceStack, type PlanFile, type PlannedResource } from "@ml-iam/plan";

let plan: PlanFile;
let central: PlanFile;
// One plan of central-ai (the upstream of model-builders, whose outputs the tests compare with), one of model-builders.
beforeAll(async () => {
  [central, plan] = await planWorkspaceStacks(["central-ai", "model-builders"], "dev");
}, 60_000);

const configured = (key: string) => plan.config[`model-builders:${key}`] as string[];
const roleNamed = (name: string) => resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.inputs.name === name)!;
const singleResource = (type: string) => {
  const [resource, ...others] = resourcesOfType(plan, type);
  expect(others).toEqual([]);
  return resource!;
};
/** Every statement of every managed policy the stack creates. */
const allStatements = () => resourcesOfType(plan, "aws:iam/policy:Policy").flatMap((policy) => documentOf(policy).Statement);
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : [value as string]);
const touches = (prefix: string) => (statement: Record<string, unknown>) => list(statement.Action).some((action) => action.startsWith(prefix));

describe("the model builders stack", () => {
  it("exports every output of its contract", () => {
    expect(modelBuilders.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs).toMatchObject({
      accessRoleArn: "arn:aws:iam::111111111111:role/ml/model-builders/model-builders-access",
      executionRoleArn: "arn:aws:iam::111111111111:role/ml/model-builders/model-builders-training-execution",
      policyArn: "arn:aws:iam::111111111111:policy/ml/model-builders/model-builders-training",
    });
  });

  it("lets only SageMaker, on behalf of this account, assume the training execution role", () => {
    expect(documentOf(roleNamed("model-builders-training-execution"), "assumeRolePolicy").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
      },
    ]);
  });

  it("lets people in only through the access role, with MFA, from the IAM group", () => {
    expect(documentOf(roleNamed("model-builders-access"), "assumeRolePolicy").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ]);
    const groupPolicy = singleResource("aws:iam/groupPolicy:GroupPolicy");
    expect(documentOf(groupPolicy).Statement).toEqual([{ Effect: "Allow", Action: "sts:AssumeRole", Resource: plan.outputs.accessRoleArn }]);
    const membership = singleResource("aws:iam/groupMembership:GroupMembership");
    expect(membership.inputs.users).toEqual(configured("users"));
  });

  it("puts the central boundary on every role and on the permission set", () => {
    const roles = resourcesOfType(plan, "aws:iam/role:Role");
    expect(roles.length).toBe(2);
    for (const role of roles) expect(role.inputs.permissionsBoundary).toBe(central.outputs.permissionsBoundaryArn);
    const { permissionsBoundary } = singleResource("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment").inputs as {
      permissionsBoundary: { customerManagedPolicyReference: { path: string; name: string } };
    };
    const { path, name } = permissionsBoundary.customerManagedPolicyReference;
    expect(`arn:aws:iam::111111111111:policy${path}${name}`).toBe(central.outputs.permissionsBoundaryArn);
  });

  it("pulls images only from the configured repositories; the registry token alone is on *", () => {
    const repositories = configured("ecrRepositories").map((name) => `arn:aws:ecr:us-east-1:111111111111:repository/${name}`).sort();
    const ecr = allStatements().filter(touches("ecr:"));
    expect(ecr.length).toBeGreaterThan(0);
    for (const statement of ecr) {
      if (list(statement.Resource).includes("*")) expect(statement).toMatchObject({ Action: "ecr:GetAuthorizationToken", Resource: "*" });
      else expect(list(statement.Resource).sort()).toEqual(repositories);
    }
    const training = documentOf(resourcesOfType(plan, "aws:iam/policy:Policy").find((policy) => policy.outputs.arn === plan.outputs.policyArn)!);
    expect(training.Statement.filter(touches("ecr:")).map((statement) => statement.Sid)).toEqual(["EcrAuthorizationToken", "EcrPullImages"]);
  });

  it("keeps training jobs' network interfaces in the configured subnets and security groups", () => {
    const subnets = configured("subnetIds").map((id) => `arn:aws:ec2:us-east-1:111111111111:subnet/${id}`);
    const securityGroups = configured("securityGroupIds").map((id) => `arn:aws:ec2:us-east-1:111111111111:security-group/${id}`);
    const writes = allStatements().filter((statement) => list(statement.Action).some((action) => /^ec2:(Create|Delete)NetworkInterface/.test(action)));
    expect(writes.flatMap((statement) => list(statement.Action)).sort()).toEqual([
      "ec2:CreateNetworkInterface",
      "ec2:CreateNetworkInterfacePermission",
      "ec2:DeleteNetworkInterface",
      "ec2:DeleteNetworkInterfacePermission",
    ]);
    for (const statement of writes) {
      if (statement.Action === "ec2:CreateNetworkInterface") {
        // Authorized on the new interface, its subnet and its security groups: all three must be allowed.
        expect(list(statement.Resource).sort()).toEqual(["arn:aws:ec2:us-east-1:111111111111:network-interface/*", ...securityGroups, ...subnets].sort());
      } else {
        expect(statement.Resource).toBe("arn:aws:ec2:us-east-1:111111111111:network-interface/*");
        expect(statement.Condition).toMatchObject({ ArnEquals: { "ec2:Subnet": subnets } });
      }
    }
  });

  it("reads training data and writes artifacts only in the configured buckets", () => {
    const s3 = allStatements().filter(touches("s3:"));
    const resources = [...new Set(s3.flatMap((statement) => list(statement.Resource)))].sort();
    const buckets = [...configured("datasetBuckets"), ...configured("artifactBuckets")];
    expect(resources).toEqual(buckets.flatMap((bucket) => [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`]).sort());
    const writes = s3.filter((statement) => list(statement.Action).includes("s3:PutObject"));
    expect(writes.flatMap((statement) => list(statement.Resource))).toEqual(configured("artifactBuckets").map((bucket) => `arn:aws:s3:::${bucket}/*`));
  });

  it("passes only the training execution role, and only to SageMaker", () => {
    const passRole = allStatements().filter((statement) => list(statement.Action).some((action) => action.startsWith("iam:")));
    expect(passRole).toEqual([
      {
        Sid: "PassExecutionRoles",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: plan.outputs.executionRoleArn,
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      },
    ]);
  });

  it("adds each configured Identity Center user to the group by the ID its user name resolves to", () => {
    const userNames = configured("identityStoreUsers");
    const lookups = plan.planValues.filter((value) => value.token === "aws:identitystore/getUser:getUser");
    expect(lookups.map((lookup) => lookup.args)).toEqual(
      userNames.map((userName) => ({
        identityStoreId: "d-9067a1b2c3",
        alternateIdentifier: { uniqueAttribute: { attributePath: "UserName", attributeValue: userName } },
      })),
    );
    const group = singleResource("aws:identitystore/group:Group");
    const memberships = resourcesOfType(plan, "aws:identitystore/groupMembership:GroupMembership");
    expect(memberships.map((membership) => membership.inputs)).toEqual(
      lookups.map((lookup) => ({ identityStoreId: "d-9067a1b2c3", groupId: group.outputs.groupId, memberId: lookup.result.userId })),
    );
    expect(plan.outputs.identityStoreGroupId).toBe(group.outputs.groupId);
  });

  it("assigns the permission set to the Identity Store group in the env's account", () => {
    const permissionSet = singleResource("aws:ssoadmin/permissionSet:PermissionSet");
    expect(permissionSet.outputs.arn).toBe(plan.outputs.permissionSetArn);
    expect(singleResource("aws:ssoadmin/accountAssignment:AccountAssignment").inputs).toEqual({
      instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
      permissionSetArn: plan.outputs.permissionSetArn,
      principalType: "GROUP",
      principalId: plan.outputs.identityStoreGroupId,
      targetType: "AWS_ACCOUNT",
      targetId: "111111111111",
    });
  });

  it("grants through the permission set exactly the managed policies of the access role", () => {
    const policyArnByName = new Map(resourcesOfType(plan, "aws:iam/policy:Policy").map((policy) => [policy.inputs.name, policy.outputs.arn]));
    const setPolicies = resourcesOfType(plan, "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment").map(
      (attachment: PlannedResource) => {
        expect(attachment.inputs.permissionSetArn).toBe(plan.outputs.permissionSetArn);
        const { name, path } = attachment.inputs.customerManagedPolicyReference as { name: string; path: string };
        expect(policyArnByName.get(name)).toBe(`arn:aws:iam::111111111111:policy${path}${name}`);
        return policyArnByName.get(name);
      },
    );
    const accessRolePolicies = resourcesOfType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
      .filter((attachment) => attachment.inputs.role === "model-builders-access")
      .map((attachment) => attachment.inputs.policyArn);
    expect(setPolicies.sort()).toEqual(accessRolePolicies.sort());
    expect(setPolicies.length).toBe(4);
  });

  it("names its Identity Center group and permission set by env, as one organization instance serves every env", async () => {
    const prod = await planWorkspaceStack("model-builders", "prod");
    const names = (p: PlanFile) => [
      resourcesOfType(p, "aws:identitystore/group:Group")[0]?.inputs.displayName,
      resourcesOfType(p, "aws:ssoadmin/permissionSet:PermissionSet")[0]?.inputs.name,
    ];
    expect(names(plan)).toEqual(["model-builders-dev", "model-builders-dev"]);
    expect(names(prod)).toEqual(["model-builders-prod", "model-builders-prod"]);
    expect(resourcesOfType(prod, "aws:ssoadmin/accountAssignment:AccountAssignment")[0]?.inputs.targetId).toBe("222222222222");
  }, 60_000);

  it("replaces explicitly named resources by deleting first, as their names cannot coexist", () => {
    const named = [
      ...resourcesOfType(plan, "aws:iam/role:Role"),
      ...resourcesOfType(plan, "aws:iam/policy:Policy"),
      ...resourcesOfType(plan, "aws:identitystore/group:Group"),
      ...resourcesOfType(plan, "aws:ssoadmin/permissionSet:PermissionSet"),
    ];
    expect(named.every((resource) => resource.deleteBeforeReplace)).toBe(true);
  });

  it("refuses an Identity Store id that is not d-xxxxxxxxxx, naming the key", async () => {
    const committed = readWorkspaceStack(join(__dirname, ".."));
    const directory = mkdtempSync(join(tmpdir(), "model-builders-"));
    const yaml = readFileSync(join(committed.directory, "Pulumi.dev.yaml"), "utf8").replace(/identityStoreId: .*/, "identityStoreId: 9067a1b2c3");
    writeFileSync(join(directory, "Pulumi.dev.yaml"), yaml);
    jest.resetModules();
    await expect(planStack({ stack: { ...committed, directory }, env: "dev", upstreamPlan: () => central })).rejects.toThrow(
      "model-builders:identityStoreId: is not an Identity Store id (d-xxxxxxxxxx)",
    );
  }, 30_000);

  it("reports its one known policy warning in the plan: ListModelPackages needs *", () => {
    expect(plan.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^policy model-builders\/access-models-and-endpoints: warning WILDCARD_RESOURCE statement \d+ \(sagemaker:ListModelPackages on \*\)/),
    ]);
  });
});
