import type * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { KnownAction } from "../generated/actions";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** Buckets, and the key prefix within them, that hold some of the team's data. */
export interface S3Buckets {
  buckets: readonly pulumi.Input<string>[];
  /** A key prefix ending in `/` (`team-a/`), limiting access to keys under it; whole buckets when left out. */
  prefix?: string;
}

/** What {@link s3BucketAccess} needs. */
export interface S3BucketAccessArgs extends S3Buckets {
  access: "read-only" | "read-write";
}

const objectActions: Record<S3BucketAccessArgs["access"], readonly KnownAction[]> = {
  "read-only": ["s3:GetObject"],
  // Multipart actions let SDKs upload large model artifacts and clean up after failed uploads.
  "read-write": [
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:AbortMultipartUpload",
    "s3:ListMultipartUploadParts",
  ],
};

function checkPrefix(prefix: string): string {
  if (prefix === "" || prefix.startsWith("/") || !prefix.endsWith("/") || /[*?$]/.test(prefix)) {
    throw new Error(`prefix must be a key prefix such as "team-a/": not empty, ending with "/", no leading "/" or wildcards, got ${JSON.stringify(prefix)}`);
  }
  return prefix;
}

/**
 * Reads, or reads and writes, objects in the given buckets (under the prefix, if any): ListBucket on the
 * buckets, narrowed by `s3:prefix`, and object actions on the objects.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-policies-s3.html
 */
export function s3BucketAccess(context: ActivityContext, args: S3BucketAccessArgs): Statement[] {
  if (args.buckets.length === 0) throw new Error("s3BucketAccess needs at least one bucket: leave the activity out instead");
  const prefix = args.prefix === undefined ? undefined : checkPrefix(args.prefix);
  const { s3 } = arnBuilders(context.scope);
  const sidPrefix = args.access === "read-only" ? "S3ReadOnly" : "S3ReadWrite";
  const buckets = args.buckets.map((name) => s3.bucket({ name }));
  return [
    ...(prefix === undefined
      ? [allow({ sid: `${sidPrefix}Buckets`, actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: buckets })]
      : [
          // GetBucketLocation never carries s3:prefix, so it cannot share the narrowed ListBucket statement.
          allow({ sid: `${sidPrefix}BucketLocation`, actions: ["s3:GetBucketLocation"], resources: buckets }),
          allow({
            sid: `${sidPrefix}ListPrefix`,
            actions: ["s3:ListBucket"],
            resources: buckets,
            conditions: { StringLike: { "s3:prefix": `${prefix}*` } },
          }),
        ]),
    allow({
      sid: `${sidPrefix}Objects`,
      actions: objectActions[args.access],
      resources: args.buckets.map((bucket) => s3.object({ bucket, key: `${prefix ?? ""}*` })),
    }),
  ];
}
