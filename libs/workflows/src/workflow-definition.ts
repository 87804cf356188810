import type { TeamResources } from "./team-resources";
import type { Workflow, WorkflowExpectation, WorkflowStep } from "./workflow";

/** A workflow of the catalog: what it is, where AWS documents it, and how to build its steps for a team. */
export interface WorkflowDefinition {
  /** Kebab-case, unique in the catalog: what a team's `workflows.ts` names. */
  name: string;
  title: string;
  expect: WorkflowExpectation;
  sources: readonly string[];
  /** The requests, in order; throws {@link MissingWorkflowInputError} when the team lacks what they need. */
  steps(team: TeamResources): WorkflowStep[];
}

/** A catalog entry; the identity function that gives definitions their type. */
export function defineWorkflow<const D extends WorkflowDefinition>(definition: D): D {
  return definition;
}

/** The workflow a definition makes for a team. */
export function buildWorkflow(definition: WorkflowDefinition, team: TeamResources): Workflow {
  return {
    name: definition.name,
    title: definition.title,
    expect: definition.expect,
    sources: definition.sources,
    steps: definition.steps(team),
  };
}
