import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of IAM Identity Center (`sso`) ARNs; these carry neither region nor account. */
export interface SsoArns<V extends ArnValue = pulumi.Output<string>> {
  /** An Identity Center instance, by id (`ssoins-…`). */
  instance(parts: { id: ArnPart<V> }): Arn<"sso:Instance", V>;
  /** A permission set of an instance, by the ids `ssoins-…` and `ps-…`. */
  permissionSet(parts: { instanceId: ArnPart<V>; id: ArnPart<V> }): Arn<"sso:PermissionSet", V>;
  /** An AWS account as a target of account assignments, by its 12-digit id. */
  account(parts: { id: ArnPart<V> }): Arn<"sso:Account", V>;
}

/** IAM Identity Center ARN builders for a scope. */
export function ssoArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): SsoArns<V> {
  return {
    instance: (parts) => {
      const { id } = nonEmptyParts("sso Instance", parts);
      return { resourceType: "sso:Instance", value: t.join`arn:${scope.partition}:sso:::instance/${id}` };
    },
    permissionSet: (parts) => {
      const { instanceId, id } = nonEmptyParts("sso PermissionSet", parts);
      return { resourceType: "sso:PermissionSet", value: t.join`arn:${scope.partition}:sso:::permissionSet/${instanceId}/${id}` };
    },
    account: (parts) => {
      const { id } = nonEmptyParts("sso Account", parts);
      return { resourceType: "sso:Account", value: t.join`arn:${scope.partition}:sso:::account/${id}` };
    },
  };
}
