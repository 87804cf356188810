import { z } from "zod";

/**
 * An existing IAM user name: up to 64 of letters, digits and `+=,.@_-`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_User.html
 */
export const iamUserName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, "is not a valid IAM user name (1-64 of letters, digits and +=,.@_-)");

/**
 * An S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')")
  .refine((name) => !name.includes(".."), "is not a valid S3 bucket name (no '..')");

/** A team name: kebab-case, used in IAM paths, resource names and tags. */
export const teamName = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be kebab-case (e.g. data-scientists)");

/** An ARN of any partition. */
export const arnString = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/, "is not an ARN");

/** A 12-digit AWS account id. */
export const accountId = z.string().regex(/^\d{12}$/, "is not a 12-digit AWS account id");
