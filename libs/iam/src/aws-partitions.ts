/** One AWS partition: the partition an ARN names, and the regions in it. */
export interface AwsPartition {
  id: string;
  /** The names the partition's regions take, for a region opened after this table was copied. */
  regionPattern: RegExp;
  regions: readonly string[];
}

/**
 * AWS's partitions and their regions, copied from AWS's own partitions.json, the file every AWS SDK ships
 * (here botocore 1.43.11's data/partitions.json; https://github.com/boto/botocore/blob/develop/botocore/data/partitions.json),
 * with its region patterns and without the `*-global` pseudo-regions. Copy a newer file's regions in when AWS opens a region.
 */
export const awsPartitions: readonly AwsPartition[] = [
  {
    id: "aws",
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    regions: [
      "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
      "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
      "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
      "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
      "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
      "us-west-1", "us-west-2",
    ],
  },
  { id: "aws-cn", regionPattern: /^cn-\w+-\d+$/, regions: ["cn-north-1", "cn-northwest-1"] },
  { id: "aws-eusc", regionPattern: /^eusc-(de)-\w+-\d+$/, regions: ["eusc-de-east-1"] },
  { id: "aws-iso", regionPattern: /^us-iso-\w+-\d+$/, regions: ["us-iso-east-1", "us-iso-west-1"] },
  { id: "aws-iso-b", regionPattern: /^us-isob-\w+-\d+$/, regions: ["us-isob-east-1", "us-isob-west-1"] },
  { id: "aws-iso-e", regionPattern: /^eu-isoe-\w+-\d+$/, regions: ["eu-isoe-west-1"] },
  { id: "aws-iso-f", regionPattern: /^us-isof-\w+-\d+$/, regions: ["us-isof-east-1", "us-isof-south-1"] },
  { id: "aws-us-gov", regionPattern: /^us-gov-\w+-\d+$/, regions: ["us-gov-east-1", "us-gov-west-1"] },
];

const partitionByRegion = new Map(
  awsPartitions.flatMap((partition) => partition.regions.map((region) => [region, partition.id] as const)),
);

/** The partition of a region AWS lists (`cn-north-1` → `aws-cn`), or undefined for a region it does not list. */
export function awsPartitionOfRegion(region: string): string | undefined {
  return partitionByRegion.get(region);
}

