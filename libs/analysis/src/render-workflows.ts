import type { PlanFile, PlanWorkflow } from "@ml-iam/plan";

const decisionMark = { Allowed: "allowed", ExplicitlyDenied: "denied (explicit)", ImplicitlyDenied: "denied" } as const;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/**
 * A plan's workflows for its `.md`: one line each (what, for whom, result, how many requests), then every
 * request of each, folded, with the engine's decision and the statement behind it.
 */
export function renderWorkflowsMarkdown(workflows: readonly PlanWorkflow[]): string {
  if (workflows.length === 0) return "None declared (a stack declares them in src/workflows.ts).\n";
  const lines = [
    "Each workflow is proven by the simulation engine over this plan: every request of a workflow the team must be able",
    "to run is allowed, every request of a never-workflow is denied. `ml-iam workflows` prints them.",
    "",
    "| workflow | proven for | expects | result | requests |",
    "| --- | --- | --- | --- | --- |",
    ...workflows.map(
      (workflow) =>
        `| \`${workflow.name}\`: ${cell(workflow.title)} | ${cell(workflow.subject)} | ${workflow.expect} | ${workflow.passed ? "passed" : "**failed**"} | ${workflow.steps.length} |`,
    ),
    "",
  ];
  for (const workflow of workflows) {
    lines.push(
      `<details><summary><code>${workflow.name}</code> for ${workflow.subject}: ${workflow.steps.length} requests, ${workflow.passed ? "passed" : "failed"}</summary>`,
      "",
      `Sources: ${workflow.sources.map((source) => `<${source}>`).join(", ")}`,
      "",
      "| # | as | request | on | decision | why |",
      "| --- | --- | --- | --- | --- | --- |",
      ...workflow.steps.map(
        (step) =>
          `| ${step.step} | ${cell(step.actor)} (${cell(step.principal)}) | \`${step.action}\`: ${cell(step.purpose)} | \`${cell(step.resource)}\` | ${step.ok ? "" : "**"}${decisionMark[step.decision]}${step.ok ? "" : "**"} | ${cell(step.reason)} |`,
      ),
      "",
      "</details>",
      "",
    );
  }
  return lines.join("\n");
}

/** The workflows of a set of plans for a terminal: by stack, one line each, and the failed requests of any that failed. */
export function renderWorkflowsText(plans: readonly PlanFile[]): string {
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(`${plan.stack} (${plan.env}): ${plan.workflows.length === 0 ? "no workflows declared" : `${plan.workflows.filter((workflow) => workflow.passed).length} of ${plan.workflows.length} workflows hold`}`);
    for (const workflow of plan.workflows) {
      const held = workflow.expect === "allowed" ? "can" : "never";
      const subject = workflow.subject.startsWith("a role holding") ? `, ${workflow.subject}` : "";
      lines.push(`  ${workflow.passed ? "ok  " : "FAIL"} ${workflow.name} (${held}${subject}): ${workflow.title}, ${workflow.steps.length} requests`);
      for (const step of workflow.steps.filter((candidate) => !candidate.ok)) {
        lines.push(`         step ${step.step}: ${step.action} on ${step.resource} as ${step.actor} (${step.principal}): ${step.reason}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}
