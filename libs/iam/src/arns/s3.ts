import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of S3 ARNs; bucket and object ARNs carry neither region nor account. */
export interface S3Arns<V extends ArnValue = pulumi.Output<string>> {
  /** A bucket, or buckets by pattern (`${team}-*`): `arn:${partition}:s3:::${name}`. */
  bucket(parts: { name: ArnPart<V> }): Arn<"s3:bucket", V>;
  /** Objects by key or key pattern (`team-a/*`): `arn:${partition}:s3:::${bucket}/${key}`. */
  object(parts: { bucket: ArnPart<V>; key: ArnPart<V> }): Arn<"s3:object", V>;
}

/** S3 ARN builders for a scope. */
export function s3Arns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): S3Arns<V> {
  return {
    bucket: (parts) => {
      const { name } = nonEmptyParts("s3.bucket", parts);
      return { resourceType: "s3:bucket", value: t.join`arn:${scope.partition}:s3:::${name}` };
    },
    object: (parts) => {
      const { bucket, key } = nonEmptyParts("s3.object", parts);
      return { resourceType: "s3:object", value: t.join`arn:${scope.partition}:s3:::${bucket}/${key}` };
    },
  };
}
