import type { ActivityContext } from "../activities/activity-context";
import { manageMlJobs } from "../activities/manage-ml-jobs";
import { passRole } from "../activities/pass-role";
import { runStudioApps } from "../activities/run-studio-apps";
import { s3BucketAccess } from "../activities/s3-bucket-access";
import { searchAndVisualizeExperiments } from "../activities/search-and-visualize-experiments";
import type { PersonaPolicies } from "./persona";
import type { TeamResources } from "./team-resources";

/**
 * A data scientist: works in Studio, runs the team's ML jobs as the team's execution roles, reads the
 * team's datasets and artifacts, and browses its experiments. Configures the access role only.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-personas.html
 */
export function dataScientist(context: ActivityContext, resources: TeamResources): PersonaPolicies {
  const studio = resources.studioDomainId === undefined ? [] : runStudioApps(context, { domainId: resources.studioDomainId });
  return {
    access: [
      {
        name: "ml-jobs",
        statements: [...manageMlJobs(context), ...passRole(context, { roles: resources.executionRoles })],
      },
      {
        name: "studio-and-data",
        statements: [
          ...studio,
          ...searchAndVisualizeExperiments(context),
          ...s3BucketAccess(context, {
            access: "read-only",
            buckets: [...resources.datasetBuckets, ...resources.artifactBuckets],
            prefix: resources.s3KeyPrefix,
          }),
        ],
      },
    ],
    execution: [],
  };
}
