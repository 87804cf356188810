import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** A name with an IAM path; the path is `/` unless given, and must start and end with `/` (`/ml/`). */
export interface IamNameWithPath<V extends ArnValue = pulumi.Output<string>> {
  name: ArnPart<V>;
  path?: ArnPart<V>;
}

type WithPath<T extends string, V extends ArnValue> = (parts: IamNameWithPath<V>) => Arn<`iam:${T}`, V>;

/**
 * Builders of IAM ARNs in the scope's account (IAM ARNs have no region).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export interface IamArns<V extends ArnValue = pulumi.Output<string>> {
  /** A role: `role${path}${name}`. */
  role: WithPath<"role", V>;
  /** A customer managed policy: `policy${path}${name}`. */
  policy: WithPath<"policy", V>;
  /** A group: `group${path}${name}`. */
  group: WithPath<"group", V>;
  /** A user: `user${path}${name}`. */
  user: WithPath<"user", V>;
  /** An instance profile: `instance-profile${path}${name}`. */
  instanceProfile: WithPath<"instance-profile", V>;
  /** An OIDC identity provider, by its URL with or without `https://` (`token.actions.githubusercontent.com`). */
  oidcProvider(parts: { url: ArnPart<V> }): Arn<"iam:oidc-provider", V>;
}

function checkPath(builder: string, path: string): string {
  if (!path.startsWith("/") || !path.endsWith("/")) {
    throw new Error(`${builder}: path must start and end with "/", got ${JSON.stringify(path)}`);
  }
  return path;
}

/** IAM ARN builders for a scope. */
export function iamArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): IamArns<V> {
  const arn = (resource: ArnPart<V>) => t.join`arn:${scope.partition}:iam::${scope.account}:${resource}`;
  const withPath =
    <T extends string>(type: T): WithPath<T, V> =>
    (parts) => {
      const builder = `iam ${type}`;
      const { name, path = "/" as ArnPart<V> } = nonEmptyParts(builder, parts);
      // A plain path fails at construction; one that is an Output can only be checked once it resolves.
      const checkedPath = t.map(path, (p) => checkPath(builder, p));
      return { resourceType: `iam:${type}` as const, value: arn(t.join`${type}${checkedPath}${name}` as ArnPart<V>) };
    };
  return {
    role: withPath("role"),
    policy: withPath("policy"),
    group: withPath("group"),
    user: withPath("user"),
    instanceProfile: withPath("instance-profile"),
    oidcProvider: (parts) => {
      const { url } = nonEmptyParts("iam oidc-provider", parts);
      const host = t.map(url, (u) => u.replace(/^https:\/\//, ""));
      return { resourceType: "iam:oidc-provider", value: arn(t.join`oidc-provider/${host}` as ArnPart<V>) };
    },
  };
}
