import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";
import { s3KmsKeys } from "./s3-kms-keys";

/** What {@link uploadTrainingCode} needs. */
export interface UploadTrainingCodeArgs {
  /** The buckets jobs read their code from and write their artifacts to. */
  buckets: readonly pulumi.Input<string>[];
  /** The keys of those buckets where they are SSE-KMS: the upload generates a data key (and a multipart one decrypts it), through S3 only. */
  kmsKeys?: readonly Arn<"kms:key">[];
}

/**
 * Uploads training code where the SageMaker SDK puts it, `<job>/source/sourcedir.tar.gz` for the team's
 * `<team>-*` jobs, and nowhere else: people start jobs without being able to overwrite what jobs wrote.
 * https://sagemaker.readthedocs.io/en/stable/api/training/estimators.html (code_location)
 */
export function uploadTrainingCode(context: ActivityContext, args: UploadTrainingCodeArgs): Statement[] {
  if (args.buckets.length === 0) throw new Error("uploadTrainingCode needs at least one bucket: leave the activity out instead");
  const { s3 } = arnBuilders(context.scope);
  const jobs = teamNamePrefix(context);
  return [
    allow({
      sid: "UploadTrainingCode",
      actions: ["s3:PutObject", "s3:AbortMultipartUpload"],
      resources: args.buckets.map((bucket) => s3.object({ bucket, key: `${jobs}/source/*` })),
    }),
    ...(args.kmsKeys?.length ? s3KmsKeys(context, { keys: args.kmsKeys, access: "read-write" }) : []),
  ];
}
