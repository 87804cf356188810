import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of S3 ARNs; bucket and object ARNs carry neither region nor account. */
export interface S3Arns {
  /** A bucket, or buckets by pattern (`${team}-*`): `arn:${partition}:s3:::${name}`. */
  bucket(parts: { name: pulumi.Input<string> }): Arn<"s3:bucket">;
  /** Objects by key or key pattern (`team-a/*`): `arn:${partition}:s3:::${bucket}/${key}`. */
  object(parts: { bucket: pulumi.Input<string>; key: pulumi.Input<string> }): Arn<"s3:object">;
}

/** S3 ARN builders for a scope. */
export function s3Arns(scope: AwsScope): S3Arns {
  return {
    bucket: (parts) => {
      const { name } = nonEmptyParts("s3.bucket", parts);
      return { resourceType: "s3:bucket", value: pulumi.interpolate`arn:${scope.partition}:s3:::${name}` };
    },
    object: (parts) => {
      const { bucket, key } = nonEmptyParts("s3.object", parts);
      return { resourceType: "s3:object", value: pulumi.interpolate`arn:${scope.partition}:s3:::${bucket}/${key}` };
    },
  };
}
