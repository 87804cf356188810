import type { PlanFile, PlannedResource } from "./plan-file";

const principalTypes: Record<string, string> = {
  "aws:iam/role:Role": "role",
  "aws:iam/group:Group": "group",
  "aws:iam/user:User": "user",
  "aws:identitystore/group:Group": "Identity Store group",
  "aws:ssoadmin/permissionSet:PermissionSet": "permission set",
};

function prettyPolicy(json: unknown): string {
  if (typeof json !== "string") return String(json);
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function resourcesOf(plan: PlanFile, type: string): PlannedResource[] {
  return plan.steps.map((step) => step.newState).filter((resource) => resource.type === type);
}

/** One line per stack for the terminal: counts, how many declared workflows hold, and where the plan is. */
export function planOneLiner(plan: PlanFile, file: string): string {
  const principals = plan.steps.filter((step) => principalTypes[step.newState.type]).length;
  const warnings = plan.diagnostics.filter((d) => d.severity === "warning").length;
  // A stack that declares no workflows says nothing of them, rather than "0 of 0 workflows hold".
  const workflows = plan.workflows.length > 0 ? `, ${plan.workflows.filter((workflow) => workflow.passed).length} of ${plan.workflows.length} workflows hold` : "";
  return (
    `${plan.stack} (${plan.env}, account ${plan.account}): ${plan.steps.length} resources, ${principals} principals, ` +
    `${Object.keys(plan.outputs).length} outputs, ${plan.references.length} references, ${warnings} warnings${workflows} → ${file}`
  );
}

/** The readable summary: principals, attached policies, rendered documents, references in and out. */
export function renderPlanSummary(plan: PlanFile): string {
  const lines: string[] = [];
  lines.push(`# Plan of ${plan.stack} (${plan.env})`, "");
  lines.push(`Account ${plan.account}, ${plan.region} (${plan.partition}). ${plan.steps.length} resources to create.`, "");

  lines.push("## Principals", "");
  const policiesByArn = new Map(resourcesOf(plan, "aws:iam/policy:Policy").map((p) => [String(p.outputs.arn), p]));
  const attachments = resourcesOf(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
  for (const step of plan.steps) {
    const resource = step.newState;
    const kind = principalTypes[resource.type];
    if (!kind) continue;
    const label = String(resource.outputs.arn ?? resource.outputs.groupId ?? resource.name);
    lines.push(`### ${kind} ${resource.outputs.name ?? resource.inputs.displayName ?? resource.name}`, "", `- \`${label}\``);
    if (resource.inputs.permissionsBoundary) lines.push(`- boundary: \`${resource.inputs.permissionsBoundary}\``);
    if (resource.type === "aws:iam/role:Role") {
      for (const attachment of attachments.filter((a) => a.inputs.role === resource.outputs.name)) {
        lines.push(`- policy: \`${attachment.inputs.policyArn}\``);
      }
      lines.push("", "Trust policy:", "", "```json", prettyPolicy(resource.inputs.assumeRolePolicy), "```");
    }
    lines.push("");
  }

  lines.push("## Policies", "");
  for (const [arn, policy] of policiesByArn) {
    lines.push(`### ${policy.outputs.name}`, "", `\`${arn}\``, "", "```json", prettyPolicy(policy.inputs.policy), "```", "");
  }
  const inline = plan.steps
    .map((step) => step.newState)
    .filter((r) => typeof r.inputs.policy === "string" && r.type !== "aws:iam/policy:Policy");
  for (const resource of inline) {
    lines.push(`### inline: ${resource.name} (${resource.type})`, "", "```json", prettyPolicy(resource.inputs.policy), "```", "");
  }

  lines.push("## References in", "");
  if (plan.references.length === 0) lines.push("None.");
  for (const reference of plan.references) lines.push(`- \`${reference.stack}\`: ${reference.keys.join(", ")}`);
  lines.push("", "## Outputs", "");
  for (const [key, value] of Object.entries(plan.outputs)) lines.push(`- ${key}: \`${JSON.stringify(value)}\``);
  if (plan.diagnostics.length > 0) {
    lines.push("", "## Diagnostics", "");
    for (const diagnostic of plan.diagnostics) lines.push(`- ${diagnostic.severity}: ${diagnostic.message}`);
  }
  if (plan.planValues.length > 0) {
    lines.push("", "## Plan values", "", "Data sources answered offline with deterministic stand-ins:", "");
    for (const value of plan.planValues) lines.push(`- ${value.token}: \`${JSON.stringify(value.result)}\``);
  }
  return lines.join("\n") + "\n";
}
