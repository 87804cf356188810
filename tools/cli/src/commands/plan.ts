import { accessMatrix, planFindings, renderAccessMatrixMarkdown, renderFindingMarkdown } from "@ml-iam/analysis";
import { listWorkspaceStacks, planOneLiner, planStack, PlanError, PlanStore, type PlanFile, type WorkspaceStack } from "@ml-iam/plan";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../usage-error";

/** Options of the plan command after parsing. */
export interface PlanCommandOptions {
  workspaceRoot: string;
  stacks: string[];
  env?: string;
  outDir: string;
  print: (line: string) => void;
}

/** Parses `ml-iam plan [stack...] [--env <env>] [--out <dir>]`. */
export function parsePlanArgs(args: string[], workspaceRoot: string, print: (line: string) => void): PlanCommandOptions {
  const { values, positionals } = parseArgs({
    args,
    options: { env: { type: "string" }, out: { type: "string", default: "dist/plan" } },
    allowPositionals: true,
    strict: true,
  });
  return { workspaceRoot, stacks: positionals, env: values.env, outDir: values.out ?? "dist/plan", print };
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
export function renderPlanAnalysis(plan: PlanFile, plans: readonly PlanFile[]): string {
  const findings = planFindings(plans).filter((finding) => finding.stack === plan.stack);
  const access = accessMatrix(plans).filter((row) => row.stack === plan.stack);
  const lines = ["", "## Findings", ""];
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

/**
 * Plans the named stacks (all when none are named) for every env they have, upstream first.
 * Returns the number of failed stack/env plans; a failed plan leaves no file behind.
 */
export async function runPlan(options: PlanCommandOptions): Promise<number> {
  const all = listWorkspaceStacks(options.workspaceRoot);
  for (const name of options.stacks) {
    if (!all.some((stack) => stack.name === name)) {
      throw new UsageError(`unknown stack ${name}: the stacks are ${all.map((s) => s.name).join(", ") || "(none)"}`);
    }
  }
  const selected = options.stacks.length > 0 ? all.filter((s) => options.stacks.includes(s.name)) : all;
  if (selected.length === 0) {
    options.print("no stack to plan yet: stacks/ has no Pulumi project");
    return 0;
  }
  const store = new PlanStore(resolve(options.workspaceRoot, options.outDir));
  // Plans of this run and upstream plans read once, for references and for the analysis of consumers.
  const planned = new Map<string, PlanFile | undefined>();
  const planOf = (stack: string, env: string) => {
    const key = `${stack}/${env}`;
    if (!planned.has(key)) planned.set(key, store.read(stack, env));
    return planned.get(key);
  };
  let failures = 0;
  for (const stack of inDependencyOrder(selected)) {
    const envs = options.env ? stack.envs.filter((env) => env === options.env) : stack.envs;
    if (options.env && envs.length === 0) throw new UsageError(`stack ${stack.name} has no Pulumi.${options.env}.yaml`);
    for (const env of envs) {
      try {
        const plan = await planStack({ stack, env, upstreamPlan: (project, upstreamEnv) => planOf(project, upstreamEnv) });
        const upstream = upstreamOf(stack, all).flatMap((name) => planOf(name, env) ?? []);
        store.write(plan, renderPlanAnalysis(plan, [...upstream, plan]));
        planned.set(`${stack.name}/${env}`, plan);
        options.print(planOneLiner(plan, relative(options.workspaceRoot, store.jsonPath(stack.name, env))));
      } catch (error) {
        store.remove(stack.name, env);
        planned.set(`${stack.name}/${env}`, undefined);
        if (!(error instanceof PlanError)) throw error;
        options.print(error.message);
        failures += 1;
      }
    }
  }
  return failures;
}
