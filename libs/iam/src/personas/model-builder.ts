import type { ActivityContext } from "../activities/activity-context";
import { ecrPull } from "../activities/ecr-pull";
import { manageEndpoints } from "../activities/manage-endpoints";
import { manageExperiments } from "../activities/manage-experiments";
import { manageMlJobs } from "../activities/manage-ml-jobs";
import { manageModels } from "../activities/manage-models";
import { managePipelines } from "../activities/manage-pipelines";
import { modelMonitoring } from "../activities/model-monitoring";
import { passRole } from "../activities/pass-role";
import type { PersonaPolicies } from "./persona";
import type { TeamResources } from "./team-resources";

/**
 * An MLOps engineer or model builder: takes the team's models from jobs through the registry and pipelines
 * to monitored endpoints, passing the team's execution roles only. Configures the access role only.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-personas.html
 */
export function modelBuilder(context: ActivityContext, resources: TeamResources): PersonaPolicies {
  const images = resources.ecrRepositories?.length ? ecrPull(context, { repositories: resources.ecrRepositories }) : [];
  return {
    access: [
      {
        name: "ml-jobs",
        statements: [...manageMlJobs(context), ...passRole(context, { roles: resources.executionRoles })],
      },
      { name: "models-and-endpoints", statements: [...manageModels(context), ...manageEndpoints(context)] },
      { name: "pipelines-and-experiments", statements: [...managePipelines(context), ...manageExperiments(context)] },
      { name: "monitoring-and-images", statements: [...modelMonitoring(context), ...images] },
    ],
    execution: [],
  };
}
