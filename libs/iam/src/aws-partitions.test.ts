import { awsPartitionOfRegion, awsPartitions } from "./aws-partitions";

describe("AWS's partitions data", () => {
  it.each([
    ["us-east-1", "aws"],
    ["cn-north-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
    ["eusc-de-east-1", "aws-eusc"],
    ["us-nowhere-9", undefined],
    ["cn-north-1-extra", undefined],
  ])("places %s in the partition %s", (region, partition) => {
    expect(awsPartitionOfRegion(region)).toBe(partition);
  });

  it("places every listed region in exactly one partition, whose region pattern matches it", () => {
    const regions = awsPartitions.flatMap((partition) => partition.regions);
    expect(new Set(regions).size).toBe(regions.length);
    for (const partition of awsPartitions) {
      expect(partition.regions.filter((region) => !partition.regionPattern.test(region))).toEqual([]);
    }
  });
});
