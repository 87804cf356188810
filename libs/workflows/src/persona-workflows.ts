import type { WorkflowName } from "./workflow-catalog";
import type { WorkflowActor } from "./workflow";

/** A persona's workflows, with the stack outputs its actors run as in a stack the team generator writes. */
export interface PersonaWorkflows {
  actors: Partial<Record<WorkflowActor, string>>;
  must: readonly WorkflowName[];
  never: readonly WorkflowName[];
}

const neverForAnyTeam = ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state"] as const satisfies readonly WorkflowName[];

/**
 * What the people of a team with each access persona must be able to do, and never do: the team generator
 * writes these into a new stack's `workflows.ts`, so a generated stack is proven as generated.
 */
export const personaWorkflows = {
  "data-scientist": {
    actors: { person: "accessRoleArn", studio: "studioRoleArn", job: "jobRoleArn", model: "jobRoleArn" },
    must: ["open-studio", "train-from-laptop", "train-from-studio", "training-job-runs", "register-model", "deploy-model", "read-shared-datasets"],
    never: neverForAnyTeam,
  },
  "model-builder": {
    actors: { person: "accessRoleArn", job: "jobRoleArn", model: "jobRoleArn", pipeline: "pipelineRoleArn" },
    must: ["train-from-laptop", "training-job-runs", "push-image", "run-pipeline", "register-model", "deploy-model", "read-shared-datasets"],
    never: neverForAnyTeam,
  },
  "read-only-ml-user": {
    actors: { person: "accessRoleArn" },
    must: ["view-ml-resources", "read-shared-datasets"],
    never: ["never-change-ml-resources", ...neverForAnyTeam],
  },
} as const satisfies Record<string, PersonaWorkflows>;

/** An access persona the generator knows the workflows of. */
export type WorkflowPersona = keyof typeof personaWorkflows;
