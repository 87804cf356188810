import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of KMS ARNs in the scope's region and account. */
export interface KmsArns<V extends ArnValue = pulumi.Output<string>> {
  /** A key, by its key id (a UUID or `mrk-…`). */
  key(parts: { id: ArnPart<V> }): Arn<"kms:key", V>;
  /** An alias; `name` may carry the `alias/` prefix that `aws.kms.Alias.name` has. */
  alias(parts: { name: ArnPart<V> }): Arn<"kms:alias", V>;
}

/** KMS ARN builders for a scope. */
export function kmsArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): KmsArns<V> {
  const arn = (resource: ArnPart<V>) => t.join`arn:${scope.partition}:kms:${scope.region}:${scope.account}:${resource}`;
  return {
    key: (parts) => {
      const { id } = nonEmptyParts("kms key", parts);
      return { resourceType: "kms:key", value: arn(t.join`key/${id}` as ArnPart<V>) };
    },
    alias: (parts) => {
      const { name } = nonEmptyParts("kms alias", parts);
      const bare = t.map(name, (alias) => alias.replace(/^alias\//, ""));
      return { resourceType: "kms:alias", value: arn(t.join`alias/${bare}` as ArnPart<V>) };
    },
  };
}
