import { listWorkspaceStacks, planOneLiner, planStack, PlanError, PlanStore, type WorkspaceStack } from "@ml-iam/plan";
import { relative } from "node:path";
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
  const store = new PlanStore(`${options.workspaceRoot}/${options.outDir}`);
  let failures = 0;
  for (const stack of inDependencyOrder(selected)) {
    const envs = options.env ? stack.envs.filter((env) => env === options.env) : stack.envs;
    if (options.env && envs.length === 0) throw new UsageError(`stack ${stack.name} has no Pulumi.${options.env}.yaml`);
    for (const env of envs) {
      try {
        const plan = await planStack({ stack, env, upstreamPlan: (project, upstreamEnv) => store.read(project, upstreamEnv) });
        store.write(plan);
        options.print(planOneLiner(plan, relative(options.workspaceRoot, store.jsonPath(stack.name, env))));
      } catch (error) {
        store.remove(stack.name, env);
        if (!(error instanceof PlanError)) throw error;
        options.print(error.message);
        failures += 1;
      }
    }
  }
  return failures;
}
