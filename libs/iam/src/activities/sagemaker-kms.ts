import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** What {@link sageMakerKms} needs. */
export interface SageMakerKmsArgs {
  /** The keys that encrypt the team's volumes, outputs and data. */
  keys: readonly Arn<"kms:key">[];
  /**
   * Services whose requests may use the keys (`kms:ViaService`); `["sagemaker"]` by default. Add `"s3"` for
   * SSE-KMS buckets that the role reads or writes itself.
   */
  viaServices?: readonly string[];
}

/** Service endpoints in China end in `.cn`; kms:ViaService names the endpoint. */
function endpointDomain(partition: string): string {
  return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * Uses the given KMS keys only through SageMaker (or the given services) in the scope's region: decrypt,
 * generate data keys, describe, and create grants for AWS resources such as a job's volumes.
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export function sageMakerKms(context: ActivityContext, args: SageMakerKmsArgs): Statement[] {
  if (args.keys.length === 0) throw new Error("sageMakerKms needs at least one key: leave the activity out instead");
  const services = args.viaServices ?? ["sagemaker"];
  if (services.length === 0) throw new Error("viaServices must name at least one service: leave it out for SageMaker");
  const { partition, region } = context.scope;
  const viaService = services.map(
    (service) => pulumi.interpolate`${service}.${region}.${pulumi.output(partition).apply(endpointDomain)}`,
  );
  return [
    allow({
      sid: "KmsUseKeysViaSageMaker",
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
      resources: args.keys,
      conditions: { StringEquals: { "kms:ViaService": viaService } },
    }),
    allow({
      // A grant lets SageMaker use the key for a job's lifetime; GrantIsForAWSResource keeps the role from
      // granting the key to anyone else.
      sid: "KmsGrantToSageMakerResources",
      actions: ["kms:CreateGrant"],
      resources: args.keys,
      conditions: { StringEquals: { "kms:ViaService": viaService }, Bool: { "kms:GrantIsForAWSResource": true } },
    }),
  ];
}
