import type { ActivityContext } from "../activities/activity-context";
import { ecrPush } from "../activities/ecr-push";
import { manageEndpoints } from "../activities/manage-endpoints";
import { manageExperiments } from "../activities/manage-experiments";
import { manageMlJobs } from "../activities/manage-ml-jobs";
import { manageModels } from "../activities/manage-models";
import { managePipelines } from "../activities/manage-pipelines";
import { modelMonitoring } from "../activities/model-monitoring";
import { passRole } from "../activities/pass-role";
import { readJobLogs } from "../activities/read-job-logs";
import { runPipelineSteps } from "../activities/run-pipeline-steps";
import { uploadTrainingCode } from "../activities/upload-training-code";
import type { PersonaPolicies } from "./persona";
import type { TeamResources } from "./team-resources";

/**
 * An MLOps engineer or model builder: builds the team's images, takes its models from jobs through the
 * registry and pipelines to monitored endpoints, passing the team's job and pipeline roles only. Configures
 * the access role and, where the team has one, the pipeline role.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/role-manager-personas.html
 */
export function modelBuilder(context: ActivityContext, resources: TeamResources): PersonaPolicies {
  const images = resources.ecrRepositories?.length ? ecrPush(context, { repositories: resources.ecrRepositories }) : [];
  const pipelineRoles = resources.pipelineRoles ?? [];
  return {
    access: [
      {
        name: "ml-jobs",
        statements: [
          ...manageMlJobs(context),
          ...passRole(context, { roles: resources.jobRoles }),
          ...uploadTrainingCode(context, { buckets: resources.artifactBuckets, kmsKeys: resources.kmsKeys }),
          ...readJobLogs(context),
        ],
      },
      { name: "models-and-endpoints", statements: [...manageModels(context), ...manageEndpoints(context)] },
      {
        name: "pipelines-and-experiments",
        statements: [
          ...managePipelines(context),
          ...(pipelineRoles.length > 0 ? passRole(context, { roles: pipelineRoles, sid: "PipelinesPassRole" }) : []),
          ...manageExperiments(context),
        ],
      },
      { name: "monitoring-and-images", statements: [...modelMonitoring(context), ...images] },
    ],
    ...(pipelineRoles.length > 0 ? { pipeline: [{ name: "steps", statements: runPipelineSteps(context, { jobRoles: resources.jobRoles }) }] } : {}),
  };
}
