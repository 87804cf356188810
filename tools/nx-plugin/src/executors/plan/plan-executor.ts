import type { ExecutorContext, TaskGraph } from "@nx/devkit";
import { planStacks, UsageError, type StackPlanOutcome } from "@ml-iam/cli";

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
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return { success: false };
  }
}

/**
 * `@ml-iam/tools:plan` on every uncached stack of a run, in one process: the runtime, the AWS provider and the
 * policy library load once instead of once per stack. Tasks are grouped by env option and planned upstream
 * first; each task's result is reported as soon as its stack is done, so Nx caches it on its own.
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
    try {
      for await (const outcome of planStacks({ workspaceRoot: context.root, stacks: [...taskOfStack.keys()], env, outDir: "dist/plan" })) {
        yield { task: taskOfStack.get(outcome.stack)!, result: planTaskResult(outcome, startTime) };
        startTime = Date.now();
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      // Bad input fails every task of the group before any plan is written.
      for (const task of taskOfStack.values()) {
        yield { task, result: { success: false, status: "failure", terminalOutput: `${error.message}\n`, startTime, endTime: Date.now() } };
      }
    }
  }
}
