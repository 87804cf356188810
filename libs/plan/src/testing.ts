import { join } from "node:path";
import type { PlanFile, PlannedResource } from "./plan-file";
import { planStack } from "./plan-stack";
import { listWorkspaceStacks } from "./workspace-stacks";

const workspaceRoot = join(__dirname, "../../..");

/**
 * Plans a workspace stack and, first, its upstream stacks, in-process with the plan's own mocks:
 * how stack tests see exactly what `npm run plan` would write.
 */
export async function planWorkspaceStack(name: string, env = "dev"): Promise<PlanFile> {
  return (await planStacks([name], env))[0]!;
}

/**
 * Plans several workspace stacks of one env (or `<stack>/<env>`, of another), each once, upstream first, and returns
 * their plans in the order named: a stack's test that also reads its upstream stack's plan does not plan that stack twice.
 */
export async function planWorkspaceStacks<const Names extends readonly string[]>(names: Names, env = "dev"): Promise<{ -readonly [K in keyof Names]: PlanFile }> {
  return (await planStacks(names, env)) as { -readonly [K in keyof Names]: PlanFile };
}

/**
 * How long a test may take to plan every stack of the workspace in Jest: about half a second a stack, so that a
 * hundred teams on a loaded 2-core machine still fit.
 */
export const workspacePlanTimeout = 300_000;

/** Plans every stack of the workspace that has an env, upstream first, in-process. */
export async function planWorkspace(env = "dev"): Promise<PlanFile[]> {
  return planStacks(
    listWorkspaceStacks(workspaceRoot)
      .filter((stack) => stack.envs.includes(env))
      .map((stack) => stack.name),
    env,
  );
}

async function planStacks(names: readonly string[], env: string): Promise<PlanFile[]> {
  const stacks = listWorkspaceStacks(workspaceRoot);
  const plans = new Map<string, PlanFile>();
  const plan = async (stackName: string, stackEnv: string): Promise<PlanFile> => {
    const cached = plans.get(`${stackName}/${stackEnv}`);
    if (cached) return cached;
    const stack = stacks.find((candidate) => candidate.name === stackName);
    if (!stack) throw new Error(`no stack ${stackName} in ${workspaceRoot}/stacks`);
    for (const upstream of stack.upstream) {
      // The identity stack reads every env of its upstream stacks; any other stack reads its own env.
      const upstreamEnvs = stack.identity ? (stacks.find((candidate) => candidate.name === upstream)?.envs ?? []) : [stackEnv];
      for (const upstreamEnv of upstreamEnvs) await plan(upstream, upstreamEnv);
    }
    // Jest keeps its own module registry; a fresh one per plan runs each program as a new process would.
    if (typeof jest !== "undefined") jest.resetModules();
    const result = await planStack({ stack, env: stackEnv, upstreamPlan: (project, upstreamEnv) => plans.get(`${project}/${upstreamEnv}`) });
    plans.set(`${stackName}/${stackEnv}`, result);
    return result;
  };
  const results: PlanFile[] = [];
  // A name is a stack in the env given, or `<stack>/<env>` in another.
  for (const name of names) {
    const [stackName, stackEnv = env] = name.split("/") as [string, string?];
    results.push(await plan(stackName, stackEnv));
  }
  return results;
}

/** The planned resources of a type, e.g. `aws:iam/role:Role`. */
export function resourcesOfType(plan: PlanFile, type: string): PlannedResource[] {
  return plan.steps.map((step) => step.newState).filter((resource) => resource.type === type);
}

/** The policy document a resource carries in an input (`policy`, `assumeRolePolicy`), parsed. */
export function documentOf(resource: PlannedResource, input = "policy"): { Statement: Record<string, unknown>[] } {
  return JSON.parse(String(resource.inputs[input])) as { Statement: Record<string, unknown>[] };
}

/** A plan with nothing planned, of the stack `team` in dev, for tests of what reads, writes and summarises plans; `overrides` fill it in. */
export function emptyPlan(overrides: Partial<PlanFile> = {}): PlanFile {
  return {
    version: 1,
    stack: "team",
    env: "dev",
    organization: "organization",
    account: "111111111111",
    region: "us-east-1",
    partition: "aws",
    config: {},
    steps: [],
    changeSummary: {},
    outputs: {},
    references: [],
    planValues: [],
    diagnostics: [],
    workflows: [],
    ...overrides,
  };
}
