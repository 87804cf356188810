import { planTaskResult } from "./plan-executor";

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
