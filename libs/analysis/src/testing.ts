import type { PolicyDocumentJson, StatementJson } from "@ml-iam/iam";
import type { PlanFile, PlannedResource } from "@ml-iam/plan";

/** The account of the test plans. */
export const testAccount = "111111111111";

/** A policy document of the given statements. */
export function testDocument(...statements: StatementJson[]): PolicyDocumentJson {
  return { Version: "2012-10-17", Statement: statements };
}

/** A planned resource whose outputs are its inputs plus the given extra outputs. */
export function testResource(type: string, name: string, inputs: Record<string, unknown>, outputs: Record<string, unknown> = {}): PlannedResource {
  return { urn: `urn:pulumi:dev::test::${type}::${name}`, type, name, custom: true, id: name, inputs, outputs: { ...inputs, ...outputs } };
}

/** A managed policy at `/ml/<stack>/`, its ARN derived from the name. */
export function testPolicy(stack: string, name: string, document: PolicyDocumentJson): PlannedResource {
  const arn = `arn:aws:iam::${testAccount}:policy/ml/${stack}/${name}`;
  return testResource("aws:iam/policy:Policy", name, { name, path: `/ml/${stack}/`, policy: JSON.stringify(document) }, { arn });
}

/** A role at `/ml/<stack>/`, optionally with a boundary, and the attachments of the given policy ARNs. */
export function testRole(stack: string, name: string, options: { boundaryArn?: string; policyArns?: string[]; trust?: PolicyDocumentJson } = {}): PlannedResource[] {
  const arn = `arn:aws:iam::${testAccount}:role/ml/${stack}/${name}`;
  const trust = options.trust ?? testDocument({ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" });
  const role = testResource(
    "aws:iam/role:Role",
    name,
    { name, path: `/ml/${stack}/`, assumeRolePolicy: JSON.stringify(trust), ...(options.boundaryArn ? { permissionsBoundary: options.boundaryArn } : {}) },
    { arn },
  );
  const attachments = (options.policyArns ?? []).map((policyArn, index) =>
    testResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${name}-${index}`, { role: name, policyArn }),
  );
  return [role, ...attachments];
}

/** A plan of one stack holding the given resources. */
export function testPlan(stack: string, resources: PlannedResource[]): PlanFile {
  return {
    version: 1,
    stack,
    env: "dev",
    organization: "organization",
    account: testAccount,
    region: "us-east-1",
    partition: "aws",
    config: {},
    steps: resources.map((newState) => ({ op: "create", urn: newState.urn, newState })),
    changeSummary: { create: resources.length },
    outputs: {},
    references: [],
    planValues: [],
    diagnostics: [],
  };
}

/** The ARN of a managed policy {@link testPolicy} creates. */
export function testPolicyArn(stack: string, name: string): string {
  return `arn:aws:iam::${testAccount}:policy/ml/${stack}/${name}`;
}
