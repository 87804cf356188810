import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/**
 * Builders of Systems Manager ARNs in the scope's region and account.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html
 */
export interface SsmArns<V extends ArnValue = pulumi.Output<string>> {
  /** A document, by name (`SSM-SessionManagerRunShell`, the Session Manager preferences). */
  document(parts: { name: ArnPart<V> }): Arn<"ssm:document", V>;
  /** A Session Manager session, by id (`<session name>-<suffix>`); a pattern for one principal's sessions. */
  session(parts: { id: ArnPart<V> }): Arn<"ssm:session", V>;
}

/** Systems Manager ARN builders for a scope. */
export function ssmArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): SsmArns<V> {
  const arn = (resource: ArnPart<V>) => t.join`arn:${scope.partition}:ssm:${scope.region}:${scope.account}:${resource}`;
  return {
    document: (parts) => {
      const { name } = nonEmptyParts("ssm document", parts);
      return { resourceType: "ssm:document", value: arn(t.join`document/${name}` as ArnPart<V>) };
    },
    session: (parts) => {
      const { id } = nonEmptyParts("ssm session", parts);
      return { resourceType: "ssm:session", value: arn(t.join`session/${id}` as ArnPart<V>) };
    },
  };
}
