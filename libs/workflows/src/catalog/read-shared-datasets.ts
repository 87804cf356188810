import { defineWorkflow } from "../workflow-definition";
import type { WorkflowActor, WorkflowStep } from "../workflow";
import { readObjectSteps } from "./s3-steps";

/**
 * People and jobs list and read the shared datasets the central stack names, decrypting them with the
 * datasets' KMS keys through S3 where they are SSE-KMS encrypted.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
 */
export const readSharedDatasets = defineWorkflow({
  name: "read-shared-datasets",
  title: "Read the shared datasets, SSE-KMS encrypted where the central config names a key",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
    "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service",
  ],
  steps: (team): WorkflowStep[] =>
    team.sharedDatasetBuckets().flatMap((bucket) =>
      team.actors(["person", "job", "instance"]).flatMap((actor: WorkflowActor) => readObjectSteps(team, actor, bucket, "curated/train/part-00000.parquet", team.central.datasetKmsKeyArns)),
    ),
});
