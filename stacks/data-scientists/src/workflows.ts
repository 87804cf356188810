import { dataScientists } from "@ml-iam/contracts";
import { teamWorkflows } from "@ml-iam/workflows";

/** What data scientists must be able to do on AWS, proven on every plan, and what they must never do. */
export default teamWorkflows(dataScientists, {
  actors: { person: "accessRoleArn", studio: "studioRoleArn", job: "jobRoleArn", model: "jobRoleArn" },
  must: [
    "open-studio",
    "train-from-laptop",
    "train-from-studio",
    "training-job-runs",
    "register-model",
    "deploy-model",
    "read-shared-datasets",
  ],
  never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state"],
});
