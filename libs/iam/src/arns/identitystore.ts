import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of Identity Store ARNs; users and groups carry neither region nor account. */
export interface IdentityStoreArns<V extends ArnValue = pulumi.Output<string>> {
  /** A group, by its id in the identity store (a UUID-like id, not its display name). */
  group(parts: { id: ArnPart<V> }): Arn<"identitystore:Group", V>;
  /** A user, by its id in the identity store (not its user name). */
  user(parts: { id: ArnPart<V> }): Arn<"identitystore:User", V>;
  /** An identity store, by id (`d-…`), in the scope's account. */
  identityStore(parts: { id: ArnPart<V> }): Arn<"identitystore:Identitystore", V>;
}

/** Identity Store ARN builders for a scope. */
export function identityStoreArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): IdentityStoreArns<V> {
  return {
    group: (parts) => {
      const { id } = nonEmptyParts("identitystore Group", parts);
      return { resourceType: "identitystore:Group", value: t.join`arn:${scope.partition}:identitystore:::group/${id}` };
    },
    user: (parts) => {
      const { id } = nonEmptyParts("identitystore User", parts);
      return { resourceType: "identitystore:User", value: t.join`arn:${scope.partition}:identitystore:::user/${id}` };
    },
    identityStore: (parts) => {
      const { id } = nonEmptyParts("identitystore Identitystore", parts);
      return {
        resourceType: "identitystore:Identitystore",
        value: t.join`arn:${scope.partition}:identitystore::${scope.account}:identitystore/${id}`,
      };
    },
  };
}
