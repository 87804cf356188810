import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

type Part = pulumi.Input<string>;

/** Builders of IAM Identity Center (`sso`) ARNs; these carry neither region nor account. */
export interface SsoArns {
  /** An Identity Center instance, by id (`ssoins-…`). */
  instance(parts: { id: Part }): Arn<"sso:Instance">;
  /** A permission set of an instance, by the ids `ssoins-…` and `ps-…`. */
  permissionSet(parts: { instanceId: Part; id: Part }): Arn<"sso:PermissionSet">;
  /** An AWS account as a target of account assignments, by its 12-digit id. */
  account(parts: { id: Part }): Arn<"sso:Account">;
}

/** IAM Identity Center ARN builders for a scope. */
export function ssoArns(scope: AwsScope): SsoArns {
  return {
    instance: (parts) => {
      const { id } = nonEmptyParts("sso Instance", parts);
      return { resourceType: "sso:Instance", value: pulumi.interpolate`arn:${scope.partition}:sso:::instance/${id}` };
    },
    permissionSet: (parts) => {
      const { instanceId, id } = nonEmptyParts("sso PermissionSet", parts);
      return {
        resourceType: "sso:PermissionSet",
        value: pulumi.interpolate`arn:${scope.partition}:sso:::permissionSet/${instanceId}/${id}`,
      };
    },
    account: (parts) => {
      const { id } = nonEmptyParts("sso Account", parts);
      return { resourceType: "sso:Account", value: pulumi.interpolate`arn:${scope.partition}:sso:::account/${id}` };
    },
  };
}
