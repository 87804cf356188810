import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** What {@link s3KmsKeys} needs. */
export interface S3KmsKeysArgs {
  /** The keys SSE-KMS buckets encrypt their objects with. */
  keys: readonly Arn<"kms:key">[];
  /** `read-only` decrypts; `read-write` also generates data keys, for uploads (multipart uploads need both). */
  access: "read-only" | "read-write";
}

/**
 * Uses the keys of SSE-KMS buckets the way S3 does on the caller's behalf, and in no other way: only through S3
 * in the scope's region (`kms:ViaService`), decrypting to read and generating data keys to write.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys
 */
export function s3KmsKeys(context: ActivityContext, args: S3KmsKeysArgs): Statement[] {
  if (args.keys.length === 0) throw new Error("s3KmsKeys needs at least one key: leave the activity out instead");
  const { partition, region } = context.scope;
  const domain = pulumi.output(partition).apply((p) => (p === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"));
  return [
    allow({
      sid: args.access === "read-only" ? "S3KmsDecrypt" : "S3KmsDecryptAndEncrypt",
      actions: args.access === "read-only" ? ["kms:Decrypt"] : ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: args.keys,
      conditions: { StringEquals: { "kms:ViaService": pulumi.interpolate`s3.${region}.${domain}` } },
    }),
  ];
}
