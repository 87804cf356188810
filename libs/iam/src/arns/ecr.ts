import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of ECR ARNs in the scope's region and account. */
export interface EcrArns<V extends ArnValue = pulumi.Output<string>> {
  /** A repository, or repositories by pattern (`${team}/*`). */
  repository(parts: { name: ArnPart<V> }): Arn<"ecr:repository", V>;
}

/** ECR ARN builders for a scope. */
export function ecrArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): EcrArns<V> {
  return {
    repository: (parts) => {
      const { name } = nonEmptyParts("ecr repository", parts);
      return { resourceType: "ecr:repository", value: t.join`arn:${scope.partition}:ecr:${scope.region}:${scope.account}:repository/${name}` };
    },
  };
}
