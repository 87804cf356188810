import { planStacks, type StackPlanOutcome } from "@ml-iam/cli";
import { FileWriteError } from "@ml-iam/plan";
import type { ExecutorContext, TaskGraph } from "@nx/devkit";
import { join } from "node:path";
import { planBatchExecutor, planTaskResult } from "./plan-executor";

// planStacks as each test has it: a full disk needs no full disk.
jest.mock("@ml-iam/cli", () => ({ ...jest.requireActual("@ml-iam/cli"), planStacks: jest.fn() }));

describe("the plan executor's task results", () => {
  it("reports a stack skipped because its upstream failed as a failure naming that upstream, not as skipped", () => {
    const line = "plan of consumer skipped: its upstream stack producer failed to plan";
    const result = planTaskResult({ stack: "consumer", status: "skipped", failures: 1, lines: [line] }, 0);
    expect(result).toMatchObject({ success: false, status: "failure", terminalOutput: `${line}\n` });
  });

  it.each([
    ["planned", true, "success"],
    ["failed", false, "failure"],
  ] as const)("reports a %s stack as %s", (status, success, taskStatus) => {
    expect(planTaskResult({ stack: "s", status, failures: 0, lines: [] }, 0)).toMatchObject({ success, status: taskStatus });
  });
});

describe("the batched plan executor on a plan it cannot write", () => {
  const root = "/workspace";
  const task = (project: string) => ({ id: `${project}:plan`, target: { project, target: "plan" }, overrides: {}, outputs: [] });
  const taskGraph = { tasks: { "producer:plan": task("producer"), "consumer:plan": task("consumer") } } as unknown as TaskGraph;

  it("reports the stacks planned, then fails every other task with one line naming the file and the cause", async () => {
    const file = join(root, "dist/plan/consumer/dev.json");
    const cleanup = new FileWriteError("remove", `${file}.1.tmp`, Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" }));
    jest.mocked(planStacks).mockImplementation(async function* (): AsyncGenerator<StackPlanOutcome> {
      yield { stack: "producer", status: "planned", failures: 0, lines: ["producer (dev): planned"] };
      throw new FileWriteError("write", file, Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }), [cleanup]);
    });
    const results = [];
    for await (const result of planBatchExecutor(taskGraph, {}, {}, { root } as ExecutorContext)) results.push(result);
    expect(results.map(({ task, result }) => [task, result.success, result.terminalOutput])).toEqual([
      ["producer:plan", true, "producer (dev): planned\n"],
      [
        "consumer:plan",
        false,
        "cannot write dist/plan/consumer/dev.json: no space left on device (ENOSPC) (and the cleanup failed: cannot remove dist/plan/consumer/dev.json.1.tmp: read-only file system (EROFS))\n",
      ],
    ]);
  });

  it("still throws what is neither bad input nor a write failure: a bug", async () => {
    jest.mocked(planStacks).mockImplementation(() => {
      throw new TypeError("a bug");
    });
    const run = async () => {
      for await (const result of planBatchExecutor(taskGraph, {}, {}, { root } as ExecutorContext)) void result;
    };
    await expect(run()).rejects.toThrow(TypeError);
  });
});
