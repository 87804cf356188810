import type { PlanFile, PlanWorkflow } from "./plan-file";
import { planOneLiner } from "./plan-summary";
import { emptyPlan } from "./testing";

const plan: PlanFile = emptyPlan({
  stack: "vision",
  outputs: { accessRoleArn: "arn:aws:iam::111111111111:role/ml/vision/vision-access" },
  diagnostics: [{ severity: "warning", message: "a warning" }],
});

const workflow = (name: string, passed: boolean): PlanWorkflow => ({ name, title: name, expect: "allowed", subject: "the principals of vision", sources: [], passed, steps: [] });

describe("the plan's line in the terminal", () => {
  it("counts what the plan holds and says where it is", () => {
    expect(planOneLiner(plan, "dist/plan/vision/dev.json")).toBe(
      "vision (dev, account 111111111111): 0 resources, 0 principals, 1 outputs, 0 references, 1 warnings → dist/plan/vision/dev.json",
    );
  });

  it("says how many of the stack's declared workflows hold", () => {
    const proven = { ...plan, workflows: [workflow("open-studio", true), workflow("train-from-laptop", false), workflow("never-cross-teams", true)] };
    expect(planOneLiner(proven, "dist/plan/vision/dev.json")).toBe(
      "vision (dev, account 111111111111): 0 resources, 0 principals, 1 outputs, 0 references, 1 warnings, 2 of 3 workflows hold → dist/plan/vision/dev.json",
    );
  });
});
