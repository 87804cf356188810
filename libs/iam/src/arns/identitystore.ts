import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

type Part = pulumi.Input<string>;

/** Builders of Identity Store ARNs; users and groups carry neither region nor account. */
export interface IdentityStoreArns {
  /** A group, by its id in the identity store (a UUID-like id, not its display name). */
  group(parts: { id: Part }): Arn<"identitystore:Group">;
  /** A user, by its id in the identity store (not its user name). */
  user(parts: { id: Part }): Arn<"identitystore:User">;
  /** An identity store, by id (`d-…`), in the scope's account. */
  identityStore(parts: { id: Part }): Arn<"identitystore:Identitystore">;
}

/** Identity Store ARN builders for a scope. */
export function identityStoreArns(scope: AwsScope): IdentityStoreArns {
  return {
    group: (parts) => {
      const { id } = nonEmptyParts("identitystore Group", parts);
      return { resourceType: "identitystore:Group", value: pulumi.interpolate`arn:${scope.partition}:identitystore:::group/${id}` };
    },
    user: (parts) => {
      const { id } = nonEmptyParts("identitystore User", parts);
      return { resourceType: "identitystore:User", value: pulumi.interpolate`arn:${scope.partition}:identitystore:::user/${id}` };
    },
    identityStore: (parts) => {
      const { id } = nonEmptyParts("identitystore Identitystore", parts);
      return {
        resourceType: "identitystore:Identitystore",
        value: pulumi.interpolate`arn:${scope.partition}:identitystore::${scope.account}:identitystore/${id}`,
      };
    },
  };
}
