import type { ExecutorContext, TaskGraph } from "@nx/devkit";
import { planStacks, UsageError, type StackPlanOutcome } from "@ml-iam/cli";
import { FileWriteError } from "@ml-iam/plan";
import { relative, sep } from "node:path";

/** Options of the plan target. */
export interface PlanExecutorOptions {
  env?: string;
}

/**
 * The Nx result of one stack's plan, its lines as terminal output. A stack skipped because its upstream failed is a
 * failure too, its line naming that upstream: Nx exits 130 (its SIGINT code) on a skipped task, not 1.
 */
export function planTaskResult(outcome: StackPlanOutcome, startTime: number) {
  return {
    success: outcome.status === "planned",
    status: outcome.status === "planned" ? ("success" as const) : ("failure" as const),
    terminalOutput: outcome.lines.join("\n") + "\n",
    startTime,
    endTime: Date.now(),
  };
}

/**
 * The one line for an error that is the user's to fix: bad input (UsageError), or a plan that cannot be written
 * (a read-only or full dist/, FileWriteError, its paths relative to the workspace root); undefined for a bug.
 */
export function oneLineFailure(error: unknown, workspaceRoot: string): string | undefined {
  if (error instanceof UsageError) return error.message;
  if (error instanceof FileWriteError) return error.describe((path) => (path.startsWith(workspaceRoot + sep) ? relative(workspaceRoot, path) : path));
  return undefined;
}

/** `@ml-iam/tools:plan` on one stack: used when Nx does not batch (`--batch=false`). */
export default async function planExecutor(options: PlanExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const stack = context.projectName ?? "(no project)";
  try {
    let success = true;
    for await (const outcome of planStacks({ workspaceRoot: context.root, stacks: [stack], env: options.env, outDir: "dist/plan" })) {
      outcome.lines.forEach((line) => console.log(line));
      success &&= outcome.status === "planned";
    }
    return { success };
  } catch (error) {
    const line = oneLineFailure(error, context.root);
    if (line === undefined) throw error;
    console.error(line);
    return { success: false };
  }
}

/**
 * `@ml-iam/tools:plan` on every uncached stack of a run, in one process: the runtime, the AWS provider and the
 * policy library load once instead of once per stack. Tasks are grouped by env option and planned upstream
 * first; each task's result is reported as soon as its stack is done, so Nx caches it on its own. Bad input, or a
 * plan that cannot be written, fails every task of the group not reported yet with one line.
 */
export async function* planBatchExecutor(
  taskGraph: TaskGraph,
  inputs: Record<string, PlanExecutorOptions>,
  _overrides: PlanExecutorOptions,
  context: ExecutorContext,
): AsyncGenerator<{ task: string; result: ReturnType<typeof planTaskResult> }> {
  const byEnv = new Map<string | undefined, Map<string, string>>();
  for (const task of Object.values(taskGraph.tasks)) {
    const env = inputs[task.id]?.env;
    const tasks = byEnv.get(env) ?? new Map<string, string>();
    tasks.set(task.target.project, task.id);
    byEnv.set(env, tasks);
  }
  for (const [env, taskOfStack] of byEnv) {
    let startTime = Date.now();
    const reported = new Set<string>();
    try {
      for await (const outcome of planStacks({ workspaceRoot: context.root, stacks: [...taskOfStack.keys()], env, outDir: "dist/plan" })) {
        const task = taskOfStack.get(outcome.stack)!;
        reported.add(task);
        yield { task, result: planTaskResult(outcome, startTime) };
        startTime = Date.now();
      }
    } catch (error) {
      const line = oneLineFailure(error, context.root);
      if (line === undefined) throw error;
      for (const task of taskOfStack.values()) {
        if (!reported.has(task)) yield { task, result: { success: false, status: "failure", terminalOutput: `${line}\n`, startTime, endTime: Date.now() } };
      }
    }
  }
}
