import { z } from "zod";
import { AdoptionInputError } from "./adoption-input-error";

/** An explicit mapping: existing resource (its URN in a stack export, its id in a list) → planned URN. */
export interface AdoptionMapping {
  file: string;
  entries: { existing: string; planned: string }[];
}

const mappingSchema = z.record(
  z.string().min(1, "an existing resource's URN or id cannot be empty"),
  z.string().regex(/^urn:pulumi:[^:]+::[^:]+::/, "must be the URN of a planned resource (urn:pulumi:<env>::<stack>::<type>::<name>)"),
);

/**
 * Reads a mapping file, `{"<existing urn or id>": "<planned urn>"}`, for resources whose names differ
 * from the plan's. Whether both sides exist is checked against the inventory and the plan when adopting.
 */
export function parseAdoptionMapping(json: string, file: string): AdoptionMapping {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AdoptionInputError([`${file}: not JSON: ${(error as Error).message}`]);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AdoptionInputError([`${file}: not a mapping: expected {"<existing urn or id>": "<planned urn>"}`]);
  }
  const parsed = mappingSchema.safeParse(data);
  if (!parsed.success) {
    throw new AdoptionInputError(
      parsed.error.issues.map((issue) => `${file}: ${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`),
    );
  }
  return { file, entries: Object.entries(parsed.data).map(([existing, planned]) => ({ existing, planned })) };
}
