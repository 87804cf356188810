import { modelBuilders } from "@ml-iam/contracts";
import { teamWorkflows } from "@ml-iam/workflows";

/**
 * What model builders must be able to do on AWS, through their access role and their Identity Center
 * permission set alike, proven on every plan, and what they must never do.
 */
export default teamWorkflows(modelBuilders, {
  actors: { person: ["accessRoleArn", "permissionSetArn"], job: "jobRoleArn", model: "jobRoleArn", pipeline: "pipelineRoleArn" },
  must: ["train-from-laptop", "training-job-runs", "push-image", "run-pipeline", "register-model", "deploy-model", "read-shared-datasets"],
  never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state"],
});
