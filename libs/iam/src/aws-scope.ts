import type * as pulumi from "@pulumi/pulumi";
import { awsPartitionOfRegion, awsPartitions } from "./aws-partitions";

/** Where a stack's resources live: the partition, region and account that ARN builders fill in. */
export interface AwsScope {
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
  account: pulumi.Input<string>;
}

/**
 * The partition a region belongs to (`us-gov-west-1` → `aws-us-gov`), so no ARN hard-codes `aws`: the listed
 * region's partition, else the first whose region pattern matches (a region opened since the table was copied),
 * else `aws`, as the AWS SDKs resolve it. Config is checked against the listed regions with {@link awsPartitionOfRegion}.
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export function partitionOfRegion(region: string): string {
  return awsPartitionOfRegion(region) ?? awsPartitions.find((partition) => partition.regionPattern.test(region))?.id ?? "aws";
}

/** A scope whose partition is derived from its region. */
export function scopeFromRegion(region: string, account: pulumi.Input<string>): AwsScope {
  return { partition: partitionOfRegion(region), region, account };
}
