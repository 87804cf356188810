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
});

/** A plan file's content. */
export type PlanFile = z.infer<typeof planFileSchema>;
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
  return z.toJSONSchema(planFileSchema);
}
