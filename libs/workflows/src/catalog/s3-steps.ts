import type { TeamResources } from "../team-resources";
import type { WorkflowActor, WorkflowContext, WorkflowStep } from "../workflow";

/**
 * Reading objects of a bucket: ListBucket on the bucket (with the prefix listed), GetObject on the object,
 * and, for SSE-KMS buckets, the kms:Decrypt S3 makes with the caller's credentials.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms
 */
export function readObjectSteps(team: TeamResources, actor: WorkflowActor, bucket: string, key: string, kmsKeyArns: readonly string[] = []): WorkflowStep[] {
  const prefix = key.includes("/") ? key.slice(0, key.lastIndexOf("/") + 1) : "";
  return [
    { actor, action: "s3:ListBucket", resource: team.arn.s3.bucket({ name: bucket }).value, context: { "s3:prefix": prefix }, purpose: `list ${bucket}/${prefix}` },
    { actor, action: "s3:GetObject", resource: team.arn.s3.object({ bucket, key }).value, context: {}, purpose: `read ${bucket}/${key}` },
    ...kmsKeyArns.map(
      (keyArn): WorkflowStep => ({
        actor,
        action: "kms:Decrypt",
        resource: keyArn,
        context: s3KmsContext(team, bucket),
        purpose: `decrypt ${bucket}/${key} (SSE-KMS), through S3`,
      }),
    ),
  ];
}

/**
 * Writing an object: PutObject and, for SSE-KMS buckets, the kms:GenerateDataKey S3 makes for it. To an SSE-KMS
 * bucket the writer asks for SSE-KMS itself (`x-amz-server-side-encryption: aws:kms`), as SageMaker does for a
 * job's output and as a bucket policy requiring SSE-KMS demands.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms
 */
export function writeObjectSteps(team: TeamResources, actor: WorkflowActor, bucket: string, key: string, purpose: string, kmsKeyArns: readonly string[] = []): WorkflowStep[] {
  const context: WorkflowContext = kmsKeyArns.length > 0 ? { "s3:x-amz-server-side-encryption": "aws:kms" } : {};
  return [
    { actor, action: "s3:PutObject", resource: team.arn.s3.object({ bucket, key }).value, context, purpose },
    ...kmsKeyArns.map(
      (keyArn): WorkflowStep => ({ actor, action: "kms:GenerateDataKey", resource: keyArn, context: s3KmsContext(team, bucket), purpose: `encrypt ${bucket}/${key} (SSE-KMS), through S3` }),
    ),
  ];
}

/** What S3 sets on the KMS calls it makes for an object of a bucket: the service, and the bucket as encryption context. */
function s3KmsContext(team: TeamResources, bucket: string): Record<string, string> {
  return {
    "kms:ViaService": `s3.${team.scope.region}.amazonaws.com`,
    "kms:CallerAccount": team.scope.account,
    "kms:EncryptionContext:aws:s3:arn": team.arn.s3.bucket({ name: bucket }).value,
  };
}
