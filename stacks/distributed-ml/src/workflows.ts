import { distributedMl } from "@ml-iam/contracts";
import { teamWorkflows } from "@ml-iam/workflows";

/** What the distributed ML team must be able to do on AWS, proven on every plan, and what it must never do. */
export default teamWorkflows(distributedMl, {
  actors: { person: "accessRoleArn", user: "groupName", instance: "instanceRoleArn" },
  must: ["launch-training-instance", "launch-cluster", "launch-from-template", "launch-spot", "training-nodes-run", "sign-in", "read-shared-datasets"],
  never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state", "never-sign-in-without-mfa", "never-manage-others-credentials"],
});
