import { dataScientists } from "@ml-iam/contracts";
import { teamWorkflows } from "@ml-iam/workflows";

/** What data scientists must be able to do on AWS, proven on every plan, and what they must never do. */
export default teamWorkflows(dataScientists, {
  actors: { person: "accessRoleArn", user: "groupName", studio: "studioRoleArn", job: "jobRoleArn", model: "jobRoleArn" },
  must: [
    "open-studio",
    "train-from-laptop",
    "train-from-studio",
    "training-job-runs",
    "register-model",
    "deploy-model",
    "sign-in",
    "read-shared-datasets",
  ],
  never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state", "never-sign-in-without-mfa", "never-manage-others-credentials"],
});
