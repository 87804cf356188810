import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of ECR ARNs in the scope's region and account. */
export interface EcrArns {
  /** A repository, or repositories by pattern (`${team}/*`). */
  repository(parts: { name: pulumi.Input<string> }): Arn<"ecr:repository">;
}

/** ECR ARN builders for a scope. */
export function ecrArns(scope: AwsScope): EcrArns {
  return {
    repository: (parts) => {
      const { name } = nonEmptyParts("ecr repository", parts);
      return {
        resourceType: "ecr:repository",
        value: pulumi.interpolate`arn:${scope.partition}:ecr:${scope.region}:${scope.account}:repository/${name}`,
      };
    },
  };
}
