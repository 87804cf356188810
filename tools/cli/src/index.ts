export { planStacks, type PlanStacksOptions, type StackPlanOutcome } from "./plan-stacks";
export { UsageError } from "./usage-error";
