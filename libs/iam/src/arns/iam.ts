import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

type Part = pulumi.Input<string>;

/** A name with an IAM path; the path is `/` unless given, and must start and end with `/` (`/ml/`). */
export interface IamNameWithPath {
  name: Part;
  path?: Part;
}

type WithPath<T extends string> = (parts: IamNameWithPath) => Arn<`iam:${T}`>;

/**
 * Builders of IAM ARNs in the scope's account (IAM ARNs have no region).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export interface IamArns {
  /** A role: `role${path}${name}`. */
  role: WithPath<"role">;
  /** A customer managed policy: `policy${path}${name}`. */
  policy: WithPath<"policy">;
  /** A group: `group${path}${name}`. */
  group: WithPath<"group">;
  /** A user: `user${path}${name}`. */
  user: WithPath<"user">;
  /** An instance profile: `instance-profile${path}${name}`. */
  instanceProfile: WithPath<"instance-profile">;
  /** An OIDC identity provider, by its URL with or without `https://` (`token.actions.githubusercontent.com`). */
  oidcProvider(parts: { url: Part }): Arn<"iam:oidc-provider">;
}

function checkPath(builder: string, path: string): string {
  if (!path.startsWith("/") || !path.endsWith("/")) {
    throw new Error(`${builder}: path must start and end with "/", got ${JSON.stringify(path)}`);
  }
  return path;
}

/** IAM ARN builders for a scope. */
export function iamArns(scope: AwsScope): IamArns {
  const arn = (resource: Part) => pulumi.interpolate`arn:${scope.partition}:iam::${scope.account}:${resource}`;
  const withPath =
    <T extends string>(type: T): WithPath<T> =>
    (parts) => {
      const builder = `iam ${type}`;
      const { name, path = "/" } = nonEmptyParts(builder, parts);
      // A plain path fails at construction; one that is an Output can only be checked once it resolves.
      const checkedPath = typeof path === "string" ? checkPath(builder, path) : pulumi.output(path).apply((p) => checkPath(builder, p));
      return { resourceType: `iam:${type}` as const, value: arn(pulumi.interpolate`${type}${checkedPath}${name}`) };
    };
  return {
    role: withPath("role"),
    policy: withPath("policy"),
    group: withPath("group"),
    user: withPath("user"),
    instanceProfile: withPath("instance-profile"),
    oidcProvider: (parts) => {
      const { url } = nonEmptyParts("iam oidc-provider", parts);
      const host = pulumi.output(url).apply((u) => u.replace(/^https:\/\//, ""));
      return { resourceType: "iam:oidc-provider", value: arn(pulumi.interpolate`oidc-provider/${host}`) };
    },
  };
}
