import type { StackContract } from "@ml-iam/contracts";
import { z } from "zod";
import type { WorkflowName } from "./workflow-catalog";
import { workflowActors, type WorkflowActor } from "./workflow";

type OutputKey<T> = keyof T & string;

/** A shared policy proven on its own: a role holding only that policy, within the boundary, acts as `person`. */
export interface PolicyProof<T> {
  /** The stack output holding the policy's ARN. */
  policy: OutputKey<T>;
  must: readonly WorkflowName[];
  never: readonly WorkflowName[];
}

/** What a team's `workflows.ts` declares, typed by its stack's contract. */
export interface TeamWorkflowsDeclaration<T> {
  /** The stack outputs naming the role each actor runs as; a person may reach the team by several (access role, permission set). */
  actors: Partial<Record<WorkflowActor, OutputKey<T> | readonly OutputKey<T>[]>>;
  /** The workflows the team's people and services must be able to run. */
  must: readonly WorkflowName[];
  /** The workflows whose every request must be denied. */
  never: readonly WorkflowName[];
  /** Shared policies the stack exports, each proven by workflows of its own. */
  policies?: readonly PolicyProof<T>[];
}

/** A team's declared workflows as the plan reads them, with the output keys as strings. */
export interface TeamWorkflows {
  project: string;
  actors: Partial<Record<WorkflowActor, readonly string[]>>;
  must: readonly string[];
  never: readonly string[];
  policies: readonly { policy: string; must: readonly string[]; never: readonly string[] }[];
}

/**
 * The default export of a team stack's `src/workflows.ts`: what its people and services must be able to do on
 * AWS and what they must never do, checked against the stack's contract so actor outputs cannot be misspelled.
 */
export function teamWorkflows<T extends Record<string, unknown>>(contract: StackContract<T>, declaration: TeamWorkflowsDeclaration<T>): TeamWorkflows {
  const actors: Partial<Record<WorkflowActor, readonly string[]>> = {};
  for (const actor of workflowActors) {
    const outputs = declaration.actors[actor];
    if (outputs !== undefined) actors[actor] = typeof outputs === "string" ? [outputs] : [...(outputs as readonly string[])];
  }
  return {
    project: contract.project,
    actors,
    must: declaration.must,
    never: declaration.never,
    policies: (declaration.policies ?? []).map((proof) => ({ policy: proof.policy, must: proof.must, never: proof.never })),
  };
}

const names = z.array(z.string());
const teamWorkflowsSchema = z.strictObject({
  project: z.string(),
  actors: z.partialRecord(z.enum(workflowActors as [WorkflowActor, ...WorkflowActor[]]), names),
  must: names,
  never: names,
  policies: z.array(z.strictObject({ policy: z.string(), must: names, never: names })),
});

/** Reads the default export of a `workflows.ts` loaded at run time; the error names the file and the field. */
export function parseTeamWorkflows(exported: unknown, file: string): TeamWorkflows {
  const value = (exported as { default?: unknown } | undefined)?.default ?? exported;
  const parsed = teamWorkflowsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: the default export must be teamWorkflows(...): ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
