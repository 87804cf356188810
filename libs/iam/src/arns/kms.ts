import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of KMS ARNs in the scope's region and account. */
export interface KmsArns {
  /** A key, by its key id (a UUID or `mrk-…`). */
  key(parts: { id: pulumi.Input<string> }): Arn<"kms:key">;
  /** An alias; `name` may carry the `alias/` prefix that `aws.kms.Alias.name` has. */
  alias(parts: { name: pulumi.Input<string> }): Arn<"kms:alias">;
}

/** KMS ARN builders for a scope. */
export function kmsArns(scope: AwsScope): KmsArns {
  const arn = (resource: pulumi.Input<string>) =>
    pulumi.interpolate`arn:${scope.partition}:kms:${scope.region}:${scope.account}:${resource}`;
  return {
    key: (parts) => {
      const { id } = nonEmptyParts("kms key", parts);
      return { resourceType: "kms:key", value: arn(pulumi.interpolate`key/${id}`) };
    },
    alias: (parts) => {
      const { name } = nonEmptyParts("kms alias", parts);
      const bare = pulumi.output(name).apply((alias) => alias.replace(/^alias\//, ""));
      return { resourceType: "kms:alias", value: arn(pulumi.interpolate`alias/${bare}`) };
    },
  };
}
