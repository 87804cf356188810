import { modelBuilders } from "@ml-iam/contracts";
import { teamWorkflows } from "@ml-iam/workflows";

/**
 * What model builders must be able to do on AWS, proven on every plan, and what they must never do: through
 * their access role, which holds exactly the policies the identity stack's permission sets attach.
 */
export default teamWorkflows(modelBuilders, {
  actors: { person: "accessRoleArn", user: "groupName", job: "jobRoleArn", model: "jobRoleArn", pipeline: "pipelineRoleArn" },
  must: ["train-from-laptop", "training-job-runs", "push-image", "run-pipeline", "register-model", "deploy-model", "sign-in", "read-shared-datasets"],
  never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state", "never-sign-in-without-mfa", "never-manage-others-credentials"],
});
