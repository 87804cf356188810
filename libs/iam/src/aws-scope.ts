import type * as pulumi from "@pulumi/pulumi";

/** Where a stack's resources live: the partition, region and account that ARN builders fill in. */
export interface AwsScope {
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
  account: pulumi.Input<string>;
}

// Longest prefixes first: "us-iso-" must not swallow "us-isob-" and friends.
const partitionsByRegionPrefix: readonly (readonly [prefix: string, partition: string])[] = [
  ["us-isob-", "aws-iso-b"],
  ["us-isof-", "aws-iso-f"],
  ["eu-isoe-", "aws-iso-e"],
  ["us-iso-", "aws-iso"],
  ["us-gov-", "aws-us-gov"],
  ["eusc-", "aws-eusc"],
  ["cn-", "aws-cn"],
];

/**
 * The partition a region belongs to (`us-gov-west-1` → `aws-us-gov`), so no ARN hard-codes `aws`.
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export function partitionOfRegion(region: string): string {
  const match = partitionsByRegionPrefix.find(([prefix]) => region.startsWith(prefix));
  return match ? match[1] : "aws";
}

/** A scope whose partition is derived from its region. */
export function scopeFromRegion(region: string, account: pulumi.Input<string>): AwsScope {
  return { partition: partitionOfRegion(region), region, account };
}
