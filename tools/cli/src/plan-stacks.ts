import { accessMatrix, planFindings, proveIdentityCenterSignIn, proveStackWorkflows, renderAccessMatrixMarkdown, renderFindingMarkdown, renderWorkflowsMarkdown, WorkflowDeclarationError, workflowFailures, type TeamPlanOf } from "@ml-iam/analysis";
import { listWorkspaceStacks, planOneLiner, planStack, PlanError, PlanStore, readStackWorkflows, withCleanupFailures, type PlanFile, type WorkspaceStack } from "@ml-iam/plan";
import { relative, resolve } from "node:path";
import { UsageError } from "./usage-error";

/** What to plan: the named stacks (all when none are named), one env or all, into `outDir` (relative to the root). */
export interface PlanStacksOptions {
  workspaceRoot: string;
  stacks: readonly string[];
  env?: string;
  outDir: string;
  /**
   * Writes a plan whose workflows fail, their failures recorded in it, instead of failing the stack: the access
   * diff plans its refs so, so that a head which breaks a workflow shows which one rather than no report at all.
   */
  reportOnly?: boolean;
}

/** One stack's outcome: planned in every env, failed in some, or skipped because an upstream stack failed. */
export interface StackPlanOutcome {
  stack: string;
  status: "planned" | "failed" | "skipped";
  /** Failed stack/env plans (every env when skipped). */
  failures: number;
  /** What to print: a line per env planned, or why it failed or was skipped. */
  lines: string[];
}

/** Orders stacks so that every upstream stack comes before its consumers. */
export function inDependencyOrder(stacks: WorkspaceStack[]): WorkspaceStack[] {
  const byName = new Map(stacks.map((stack) => [stack.name, stack]));
  const ordered: WorkspaceStack[] = [];
  const visiting = new Set<string>();
  const visit = (stack: WorkspaceStack) => {
    if (ordered.includes(stack)) return;
    if (visiting.has(stack.name)) throw new UsageError(`stack ${stack.name} depends on itself through its upstream stacks`);
    visiting.add(stack.name);
    for (const upstream of stack.upstream) {
      const dependency = byName.get(upstream);
      if (dependency) visit(dependency);
    }
    ordered.push(stack);
  };
  stacks.forEach(visit);
  return ordered;
}

/**
 * The analysis appended to a stack's plan summary: validatePolicy's findings on its documents, and what
 * its principals may do. `plans` holds the stack's plan and its upstream plans, which hold the boundary.
 */
function renderPlanAnalysis(plan: PlanFile, plans: readonly PlanFile[]): string {
  const findings = planFindings(plans, { stacks: [plan.stack] });
  const access = accessMatrix(plans, { stacks: [plan.stack] });
  const lines = ["", "## Workflows", "", renderWorkflowsMarkdown(plan.workflows).trimEnd(), "", "## Findings", ""];
  lines.push(...(findings.length === 0 ? ["None."] : findings.map(renderFindingMarkdown)));
  lines.push(
    "",
    "## Access",
    "",
    "What each principal may do, after explicit denies and within its permissions boundary; † marks what is",
    "allowed only under conditions. `ml-iam access` prints every stack's.",
    "",
    renderAccessMatrixMarkdown(access).trimEnd(),
  );
  return lines.join("\n") + "\n";
}

/**
 * The plan with its declared workflows proven over it and its upstream plans, and the failed steps; a workflow
 * that fails (unless `reportOnly`), or a declaration the stack cannot satisfy, fails the stack's plan with every
 * failed step named.
 */
function proveWorkflows(
  stack: WorkspaceStack,
  workspaceRoot: string,
  plan: PlanFile,
  plans: readonly PlanFile[],
  reportOnly: boolean,
  identity: { teamPlan: TeamPlanOf; envsOf: (team: string) => readonly string[] },
): { plan: PlanFile; failures: string[] } {
  // The identity stack proves each team's sign-in through Identity Center, on its plan and the teams' plans of every env.
  if (stack.identity) {
    const results = proveIdentityCenterSignIn(plan, identity.teamPlan, identity.envsOf);
    const failures = workflowFailures(results);
    if (failures.length > 0 && !reportOnly) throw new PlanError(stack.name, plan.env, failures.join("\n"));
    return { plan: { ...plan, workflows: results }, failures };
  }
  let declaration;
  try {
    declaration = readStackWorkflows(stack, workspaceRoot);
  } catch (error) {
    throw new PlanError(stack.name, plan.env, (error as Error).message);
  }
  if (declaration === undefined) return { plan, failures: [] };
  let results;
  try {
    results = proveStackWorkflows(plan, plans, declaration);
  } catch (error) {
    if (error instanceof WorkflowDeclarationError) throw new PlanError(stack.name, plan.env, error.message);
    throw error;
  }
  const failures = workflowFailures(results);
  if (failures.length > 0 && !reportOnly) throw new PlanError(stack.name, plan.env, failures.join("\n"));
  return { plan: { ...plan, workflows: results }, failures };
}

/** A stack's upstream stacks, transitively, upstream first. */
function upstreamOf(stack: WorkspaceStack, all: readonly WorkspaceStack[]): string[] {
  const byName = new Map(all.map((candidate) => [candidate.name, candidate]));
  const names: string[] = [];
  const visit = (name: string) => {
    if (names.includes(name)) return;
    for (const upstream of byName.get(name)?.upstream ?? []) visit(upstream);
    names.push(name);
  };
  stack.upstream.forEach(visit);
  return names;
}

/** The selected stacks, upstream first; every name and the env are checked before anything is planned. */
function selectStacks(options: PlanStacksOptions, all: WorkspaceStack[]): WorkspaceStack[] {
  for (const name of options.stacks) {
    if (!all.some((stack) => stack.name === name)) {
      throw new UsageError(`unknown stack ${name}: the stacks are ${all.map((s) => s.name).join(", ") || "(none)"}`);
    }
  }
  const named = options.stacks.length > 0;
  // Unnamed, the identity stack is left out of an env that is not its own: its one env is no team's.
  const selected = all.filter((s) => (named ? options.stacks.includes(s.name) : options.env === undefined || !s.identity || s.envs.includes(options.env)));
  for (const stack of selected) {
    if (options.env && !stack.envs.includes(options.env)) throw new UsageError(`stack ${stack.name} has no Pulumi.${options.env}.yaml`);
  }
  return inDependencyOrder(selected);
}

/**
 * Plans the selected stacks in one process, upstream first, for every env they have (or `env`), writing each
 * plan and its analysis; yields each stack's outcome as it is done. A failed plan leaves no file behind, and
 * the consumers of a stack that failed here are skipped. Upstream plans not planned here are read from `outDir`.
 * A plan that cannot be written (a read-only `outDir`, a full disk) ends the run with a FileWriteError.
 * With `reportOnly`, a stack whose workflows fail is planned, with a line per failed step.
 */
export async function* planStacks(options: PlanStacksOptions): AsyncGenerator<StackPlanOutcome> {
  const all = listWorkspaceStacks(options.workspaceRoot);
  const selected = selectStacks(options, all);
  const store = new PlanStore(resolve(options.workspaceRoot, options.outDir));
  // Plans of this run and upstream plans read once, for references and for the analysis of consumers.
  const planned = new Map<string, PlanFile | undefined>();
  const planOf = (stack: string, env: string) => {
    const key = `${stack}/${env}`;
    if (!planned.has(key)) planned.set(key, store.read(stack, env));
    return planned.get(key);
  };
  const failedStacks = new Set<string>();
  for (const stack of selected) {
    const envs = options.env ? [options.env] : stack.envs;
    const failedUpstream = upstreamOf(stack, all).filter((name) => failedStacks.has(name));
    if (failedUpstream.length > 0) {
      failedStacks.add(stack.name);
      const line = `plan of ${stack.name} skipped: its upstream stack ${failedUpstream.join(", ")} failed to plan`;
      yield { stack: stack.name, status: "skipped", failures: envs.length, lines: [line] };
      continue;
    }
    const lines: string[] = [];
    let failures = 0;
    for (const env of envs) {
      try {
        const programPlan = await planStack({ stack, env, upstreamPlan: (project, upstreamEnv) => planOf(project, upstreamEnv) });
        const upstream = upstreamOf(stack, all).flatMap((name) => planOf(name, env) ?? []);
        const identity = { teamPlan: planOf, envsOf: (team: string) => all.find((candidate) => candidate.name === team)?.envs ?? [] };
        const { plan, failures: failedSteps } = proveWorkflows(stack, options.workspaceRoot, programPlan, [...upstream, programPlan], options.reportOnly ?? false, identity);
        store.write(plan, renderPlanAnalysis(plan, [...upstream, plan]));
        planned.set(`${stack.name}/${env}`, plan);
        lines.push(planOneLiner(plan, relative(options.workspaceRoot, store.jsonPath(stack.name, env))));
        lines.push(...failedSteps.map((failure) => `${stack.name} (${env}), reported only: ${failure}`));
      } catch (error) {
        // The stale plan goes; if it cannot, that is added to this error, which stays the cause.
        const failure = withCleanupFailures(error, store.remove(stack.name, env));
        planned.set(`${stack.name}/${env}`, undefined);
        if (!(failure instanceof PlanError)) throw failure;
        lines.push(failure.message);
        failures += 1;
      }
    }
    if (failures > 0) failedStacks.add(stack.name);
    yield { stack: stack.name, status: failures > 0 ? "failed" : "planned", failures, lines };
  }
}
