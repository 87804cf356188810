import { z } from "zod";

/** A resource as the plan records it: the shape of a `newState` in `pulumi preview --json`. */
export const plannedResourceSchema = z.object({
  urn: z.string(),
  type: z.string(),
  name: z.string(),
  custom: z.boolean(),
  id: z.string().optional(),
  parent: z.string().optional(),
  protect: z.boolean().optional(),
  deleteBeforeReplace: z.boolean().optional(),
  inputs: z.record(z.string(), z.unknown()),
  outputs: z.record(z.string(), z.unknown()),
});

/** One step of the plan; offline, every resource is a `create`. */
export const planStepSchema = z.object({
  op: z.enum(["create", "same", "update", "replace", "delete", "read"]),
  urn: z.string(),
  newState: plannedResourceSchema,
});

/** A StackReference the program made: which upstream stack and which of its outputs it read. */
export const planReferenceSchema = z.object({
  project: z.string(),
  stack: z.string(),
  keys: z.array(z.string()),
});

/** A data-source call answered with a deterministic plan value instead of a cloud lookup. */
export const planValueSchema = z.object({
  token: z.string(),
  args: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
});

/** A warning or error the program reported while it ran. */
export const planDiagnosticSchema = z.object({
  severity: z.enum(["warning", "error"]),
  message: z.string(),
});

/** One request of a workflow as the simulation engine decided it for one principal. */
export const planWorkflowStepSchema = z.object({
  step: z.number().describe("1-based position in the workflow"),
  actor: z.string(),
  principal: z.string(),
  action: z.string(),
  resource: z.string(),
  purpose: z.string(),
  decision: z.enum(["Allowed", "ExplicitlyDenied", "ImplicitlyDenied"]),
  ok: z.boolean(),
  reason: z.string(),
});

/** A workflow the stack declares, proven over the plan: every step allowed (must) or denied (never). */
export const planWorkflowSchema = z.object({
  name: z.string(),
  title: z.string(),
  expect: z.enum(["allowed", "denied"]),
  subject: z.string().describe("who it was proven for: the stack's principals, or a shared policy held alone"),
  sources: z.array(z.string()),
  passed: z.boolean(),
  steps: z.array(planWorkflowStepSchema),
});

/**
 * `dist/plan/<stack>/<env>.json`: the offline plan of one stack and env, in the shape of
 * `pulumi preview --json` (config, steps, changeSummary) plus the planned outputs and references.
 */
export const planFileSchema = z.object({
  version: z.literal(1),
  stack: z.string().describe("the Nx project and Pulumi project name"),
  env: z.string().describe("the Pulumi stack name, e.g. dev"),
  organization: z.string(),
  account: z.string(),
  region: z.string(),
  partition: z.string(),
  config: z.record(z.string(), z.unknown()).describe("the stack's config; secure values appear as [secret]"),
  steps: z.array(planStepSchema),
  changeSummary: z.record(z.string(), z.number()),
  outputs: z.record(z.string(), z.unknown()),
  references: z.array(planReferenceSchema),
  planValues: z.array(planValueSchema),
  diagnostics: z.array(planDiagnosticSchema),
  workflows: z.array(planWorkflowSchema).default([]).describe("the stack's declared workflows (src/workflows.ts), each proven by simulation"),
});

/** A plan file's content. */
export type PlanFile = z.infer<typeof planFileSchema>;
/** A workflow's result as a plan records it. */
export type PlanWorkflow = z.infer<typeof planWorkflowSchema>;
/** A resource in a plan. */
export type PlannedResource = z.infer<typeof plannedResourceSchema>;

/** Parses and checks a plan file's JSON; the error names the file and the field. */
export function parsePlanFile(json: string, file: string): PlanFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = planFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: not a plan file: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

/** The plan file's JSON Schema, committed as libs/plan/plan.schema.json for readers outside TypeScript. */
export function planFileJsonSchema(): unknown {
  // What a reader may find in a file, not what parsing makes of it: plans older code wrote have no `workflows`.
  return z.toJSONSchema(planFileSchema, { io: "input" });
}
