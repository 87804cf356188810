import type { ActivityContext } from "../activities/activity-context";
import type { Statement } from "../statement";
import type { TeamResources } from "./team-resources";

/**
 * One customer managed policy of a persona, small enough for the 6,144-character quota with a team's
 * usual resources. `name` tells its purpose and is unique within the persona (`ml-jobs`), for policy names.
 */
export interface PersonaPolicy {
  name: string;
  statements: Statement[];
}

/**
 * The managed policies a persona attaches, by the role they go on: `access` on the role people assume
 * (console, CLI, or a Studio user profile's role), `execution` on the role SageMaker assumes to run the
 * team's jobs, pipelines, models and endpoints. A persona that configures only one role leaves the other
 * empty.
 */
export interface PersonaPolicies {
  access: PersonaPolicy[];
  execution: PersonaPolicy[];
}

/** Builds a persona's policies for a team from the team's resources. */
export type PersonaBuilder = (context: ActivityContext, resources: TeamResources) => PersonaPolicies;
