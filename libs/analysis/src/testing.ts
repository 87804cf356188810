import type { PolicyDocumentJson, StatementJson } from "@ml-iam/iam";
import { listWorkspaceStacks, readStackWorkflows, type PlanFile, type PlannedResource } from "@ml-iam/plan";
import { planWorkspaceStacks } from "@ml-iam/plan/src/testing";
import { join } from "node:path";
import { diffPlanAccess } from "./access-diff";
import { renderAccessDiffMarkdown } from "./render-access-diff";
import { proveStackWorkflows, workflowFailures } from "./workflow-proof";

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
    workflows: [],
  };
}

/** The ARN of a managed policy {@link testPolicy} creates. */
export function testPolicyArn(stack: string, name: string): string {
  return `arn:aws:iam::${testAccount}:policy/ml/${stack}/${name}`;
}

/**
 * Plans workspace stacks (each once, upstream first, as `planWorkspaceStacks` does) and proves each one's declared
 * workflows over its plan and its upstream plans, as `npm run plan` does: the plans come back with their
 * `workflows`, in the order named.
 */
export async function planAndProveWorkspaceStacks<const Names extends readonly string[]>(
  names: Names,
  env = "dev",
): Promise<{ -readonly [K in keyof Names]: PlanFile }> {
  const root = join(__dirname, "../../..");
  const stacks = listWorkspaceStacks(root);
  const upstreamOf = (name: string): string[] => {
    const stack = stacks.find((candidate) => candidate.name === name);
    return (stack?.upstream ?? []).flatMap((upstream) => [...upstreamOf(upstream), upstream]);
  };
  const wanted = [...new Set(names.flatMap((name) => [...upstreamOf(name), name]))];
  const planned = await planWorkspaceStacks(wanted, env);
  const byName = new Map(wanted.map((name, index) => [name, planned[index]!]));
  const proven = new Map<string, PlanFile>();
  for (const name of wanted) {
    const plan = byName.get(name)!;
    const stack = stacks.find((candidate) => candidate.name === name)!;
    const declaration = readStackWorkflows(stack, root);
    const context = [...new Set(upstreamOf(name))].map((upstream) => proven.get(upstream)!);
    proven.set(name, declaration ? { ...plan, workflows: proveStackWorkflows(plan, [...context, plan], declaration) } : plan);
  }
  return names.map((name) => proven.get(name)!) as { -readonly [K in keyof Names]: PlanFile };
}

/** A proven workflow of a plan by name (and, for shared policies, the policy it was proven for). */
export function provenWorkflow(plan: PlanFile, name: string, subject?: string): PlanFile["workflows"][number] {
  const found = plan.workflows.find((workflow) => workflow.name === name && (subject === undefined || workflow.subject.includes(subject)));
  if (!found) throw new Error(`${plan.stack} (${plan.env}) proves no workflow ${name}${subject ? ` for ${subject}` : ""}: it proves ${plan.workflows.map((w) => w.name).join(", ")}`);
  return found;
}

/**
 * One grant taken out of a proven plan, in memory: the plan without the one resource `removed` matches (an
 * attachment, an inline policy), its workflows proven again as `npm run plan` would, the failures the plan would
 * stop with, and the access diff a pull request making that change would get (`upstream`: the plans it reads).
 */
export function withoutGrant(plan: PlanFile, upstream: readonly PlanFile[], removed: (resource: PlannedResource) => boolean): { failures: string[]; accessDiff: string } {
  const kept = plan.steps.filter((step) => !removed(step.newState));
  if (kept.length !== plan.steps.length - 1) throw new Error(`the grant to remove must be exactly one resource of ${plan.stack} (${plan.env}), matched ${plan.steps.length - kept.length}`);
  const root = join(__dirname, "../../..");
  const declaration = readStackWorkflows(listWorkspaceStacks(root).find((stack) => stack.name === plan.stack)!, root)!;
  const broken = { ...plan, steps: kept };
  const workflows = proveStackWorkflows(broken, [...upstream, broken], declaration);
  return {
    failures: workflowFailures(workflows),
    accessDiff: renderAccessDiffMarkdown(diffPlanAccess([...upstream, plan], [...upstream, { ...broken, workflows }])),
  };
}
