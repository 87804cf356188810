import type { ActivityContext } from "../activities/activity-context";
import { searchAndVisualizeExperiments } from "../activities/search-and-visualize-experiments";
import { viewMlResources } from "../activities/view-ml-resources";
import type { PersonaPolicies } from "./persona";
import type { TeamResources } from "./team-resources";

/**
 * Someone who follows the team's ML work without changing it (a reviewer, an auditor): Describe, List
 * and Search only, and no role to pass. Configures the access role only.
 */
export function readOnlyMlUser(context: ActivityContext, _resources: TeamResources): PersonaPolicies {
  return {
    access: [{ name: "view", statements: [...viewMlResources(context), ...searchAndVisualizeExperiments(context)] }],
  };
}
