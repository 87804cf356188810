import type { ActivityContext } from "../activities/activity-context";
import { manageEndpoints } from "../activities/manage-endpoints";
import { manageMlJobs } from "../activities/manage-ml-jobs";
import { manageModels } from "../activities/manage-models";
import { openStudio } from "../activities/open-studio";
import { passRole } from "../activities/pass-role";
import { readJobLogs } from "../activities/read-job-logs";
import { runStudioApps } from "../activities/run-studio-apps";
import { s3BucketAccess } from "../activities/s3-bucket-access";
import { searchAndVisualizeExperiments } from "../activities/search-and-visualize-experiments";
import { uploadTrainingCode } from "../activities/upload-training-code";
import type { Statement } from "../statement";
import type { PersonaPolicies } from "./persona";
import type { TeamResources } from "./team-resources";

/** Start the team's jobs as its job roles and follow them: the same from a laptop and from a notebook. */
function runJobs(context: ActivityContext, resources: TeamResources): Statement[] {
  return [
    ...manageMlJobs(context),
    ...passRole(context, { roles: resources.jobRoles }),
    ...uploadTrainingCode(context, { buckets: resources.artifactBuckets, kmsKeys: resources.kmsKeys }),
    ...readJobLogs(context),
  ];
}

/**
 * A data scientist: works in Studio, runs the team's ML jobs as the team's job roles, registers and deploys
 * its models, reads the team's datasets and artifacts, and browses its experiments. Configures the access
 * role and, where the team has a Studio domain, the Studio execution role its notebooks run as.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-personas.html
 */
export function dataScientist(context: ActivityContext, resources: TeamResources): PersonaPolicies {
  const data = s3BucketAccess(context, { access: "read-only", buckets: [...resources.datasetBuckets, ...resources.artifactBuckets], prefix: resources.s3KeyPrefix });
  const domainId = resources.studioDomainId;
  return {
    access: [
      { name: "ml-jobs", statements: runJobs(context, resources) },
      { name: "models-and-endpoints", statements: [...manageModels(context), ...manageEndpoints(context)] },
      {
        name: "studio-and-data",
        statements: [...(domainId === undefined ? [] : openStudio(context, { domainId })), ...searchAndVisualizeExperiments(context), ...data],
      },
    ],
    ...(domainId === undefined
      ? {}
      : {
          studio: [
            { name: "studio-apps", statements: [...runStudioApps(context, { domainId }), ...searchAndVisualizeExperiments(context)] },
            { name: "studio-jobs", statements: runJobs(context, resources) },
            // Apart from the jobs: with SSE-KMS keys and many buckets, the two no longer fit one managed policy.
            { name: "studio-data", statements: data },
          ],
        }),
  };
}
