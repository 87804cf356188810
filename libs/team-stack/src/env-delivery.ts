import * as pulumi from "@pulumi/pulumi";
import { OpenIdConnectProvider } from "@pulumi/aws/iam";
import { deliveredTeams, DeliveryRoles, githubOidcAudience, githubOidcUrl, type DeliveryConfig } from "./delivery-roles";
import type { TeamStack } from "./stack-config";

/** Arguments of {@link envDelivery}. */
export interface EnvDeliveryArgs {
  /** The central stack of the env. */
  stack: TeamStack;
  config: DeliveryConfig;
  /** The central boundary, and the shared policies every team may attach. */
  boundaryArn: pulumi.Input<string>;
  sharedPolicyArns: readonly pulumi.Input<string>[];
}

/** What the env's delivery gives GitHub: the OIDC provider, and each team's deploy and preview role by team. */
export interface EnvDelivery {
  githubOidcProviderArn: pulumi.Input<string>;
  deployRoleArns: pulumi.Output<Record<string, string>>;
  previewRoleArns: pulumi.Output<Record<string, string>>;
}

/**
 * How GitHub Actions deploys the env: it reaches the account through its OIDC provider (adopted by ARN where the
 * account already has one, since IAM allows one per URL), and each team stack of the env through its deploy and
 * preview roles ({@link DeliveryRoles}). The resources keep the names they had at the central stack's root.
 */
export function envDelivery({ stack, config, boundaryArn, sharedPolicyArns }: EnvDeliveryArgs): EnvDelivery {
  const githubOidcProvider = config.githubOidcProviderArn
    ? { arn: config.githubOidcProviderArn, managed: false }
    : {
        arn: new OpenIdConnectProvider("github-actions", { url: githubOidcUrl, clientIdLists: [githubOidcAudience] }, { deleteBeforeReplace: true, protect: stack.protect }).arn,
        managed: true,
      };
  const delivery = deliveredTeams(stack).map(
    (delivered) => new DeliveryRoles({ stack, delivered, githubOidcProvider, boundaryArn, sharedPolicyArns, stateBucket: config.stateBucket }),
  );
  const byTeam = (arn: (roles: DeliveryRoles) => pulumi.Output<string>) => pulumi.all(Object.fromEntries(delivery.map((roles) => [roles.team, arn(roles)])));
  return {
    githubOidcProviderArn: githubOidcProvider.arn,
    deployRoleArns: byTeam((roles) => roles.deployRoleArn),
    previewRoleArns: byTeam((roles) => roles.previewRoleArn),
  };
}
