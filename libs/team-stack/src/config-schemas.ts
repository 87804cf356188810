import { teamNameSyntax } from "@ml-iam/iam";
import { z } from "zod";

/**
 * An existing IAM user name: up to 64 of letters, digits and `+=,.@_-`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html
 */
export const iamUserName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, "is not a valid IAM user name (1-64 of letters, digits and +=,.@_-)");

// S3 keeps these for its own names (access point and Multi-Region Access Point aliases, directory and table
// buckets, punycode, its own tooling and documentation), so CreateBucket refuses a bucket that uses them.
const reservedBucketPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
const reservedBucketSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/**
 * An S3 general purpose bucket name as CreateBucket accepts it: 3-63 lowercase letters, digits, dots and
 * hyphens, starting and ending with a letter or digit, no `..`, not an IP address, none of S3's reserved
 * prefixes and suffixes. https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')")
  .refine((name) => !name.includes(".."), "is not a valid S3 bucket name (no '..')")
  .refine((name) => !/^\d+\.\d+\.\d+\.\d+$/.test(name), "is not a valid S3 bucket name (not an IP address such as 192.168.5.4)")
  .superRefine((name, context) => {
    const prefix = reservedBucketPrefixes.find((reserved) => name.startsWith(reserved));
    if (prefix) context.addIssue({ code: "custom", message: `is not a valid S3 bucket name (the prefix ${prefix} is reserved by S3)` });
    const suffix = reservedBucketSuffixes.find((reserved) => name.endsWith(reserved));
    if (suffix) context.addIssue({ code: "custom", message: `is not a valid S3 bucket name (the suffix ${suffix} is reserved by S3)` });
  });

/** A team name: kebab-case, used in IAM paths, resource names and tags. */
export const teamName = z.string().regex(teamNameSyntax, "must be kebab-case (e.g. data-scientists)");

/** An ARN of any partition. */
export const arnString = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/, "is not an ARN");

/** A 12-digit AWS account id. */
export const accountId = z.string().regex(/^\d{12}$/, "is not a 12-digit AWS account id");

/** A subnet id, `subnet-` and 8 or 17 hex digits. */
export const subnetId = z.string().regex(/^subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not a subnet id (subnet-…)");

/** A security group id, `sg-` and 8 or 17 hex digits. */
export const securityGroupId = z.string().regex(/^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not a security group id (sg-…)");

/** An AMI id, `ami-` and 8 or 17 hex digits. */
export const imageId = z.string().regex(/^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/, "is not an AMI id (ami-…)");

/** A launch template id, `lt-` and 17 hex digits. */
export const launchTemplateId = z.string().regex(/^lt-[0-9a-f]{17}$/, "is not a launch template id (lt-…)");

/** An EC2 instance type such as `p4d.24xlarge`. https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html */
export const ec2InstanceType = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "is not an EC2 instance type (e.g. p4d.24xlarge)");

/**
 * An ECR repository name: lowercase path segments of letters, digits and `._-`.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
 */
export const ecrRepositoryName = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, "is not an ECR repository name");

/** The ARN of a KMS key (not an alias). */
export const kmsKeyArn = z.string().regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/, "is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)");
