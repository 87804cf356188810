import { centralAi } from "@ml-iam/contracts";
import { teamWorkflows } from "@ml-iam/workflows";

/**
 * What the central AI team must be able to do on AWS, proven on every plan: start jobs as its central job role
 * and read the shared datasets; and the two shared SageMaker policies of seed 003, each held alone: full access
 * can view and run, read-only can view and starts nothing.
 */
export default teamWorkflows(centralAi, {
  actors: { person: "accessRoleArn", user: "groupName", job: "jobRoleArn" },
  must: ["train-from-laptop", "training-job-runs", "sign-in", "read-shared-datasets", "view-ml-resources"],
  never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state", "never-sign-in-without-mfa", "never-manage-others-credentials"],
  policies: [
    { policy: "sagemakerReadOnlyPolicyArn", must: ["view-ml-resources"], never: ["never-change-ml-resources"] },
    { policy: "sagemakerFullAccessPolicyArn", must: ["view-ml-resources"], never: [] },
  ],
});
