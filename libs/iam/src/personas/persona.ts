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
 * The roles of a team, by job, as SageMaker Role Manager intends them: `access` is the role people assume
 * (console, CLI, SDK on a laptop), `studio` the Studio execution role (what notebooks run as), `job` the role
 * SageMaker runs the team's jobs and models as, `pipeline` the role its pipelines run as, `instance` the role
 * of its EC2 training nodes.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager.html
 */
export type PersonaRole = "access" | "studio" | "job" | "pipeline" | "instance";

/** The managed policies a persona attaches, by the role they go on; a persona configures only some roles. */
export type PersonaPolicies = { readonly [R in PersonaRole]?: PersonaPolicy[] };

/** Builds a persona's policies for a team from the team's resources. */
export type PersonaBuilder = (context: ActivityContext, resources: TeamResources) => PersonaPolicies;
