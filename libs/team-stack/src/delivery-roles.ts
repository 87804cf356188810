import * as pulumi from "@pulumi/pulumi";
import { Policy, Role, RolePolicyAttachment } from "@pulumi/aws/iam";
import {
  githubActionsTrust,
  policyDocument,
  teamDeployRolePolicy,
  teamPreviewRolePolicy,
  type DeliveryRolePolicy,
} from "@ml-iam/iam";
import { z } from "zod";
import { arnString, bucketName } from "./config-schemas";
import type { TeamStack } from "./stack-config";
import { teamNames } from "./team-names";
import { readTeamsRegistry, type TeamsRegistry } from "./teams-registry";

/** The IAM path of every delivery role and policy: outside `/ml/`, so no team deploy role can touch them. */
export const deliveryPath = "/ml-platform/";

/** The GitHub Actions OIDC issuer. */
export const githubOidcUrl = "https://token.actions.githubusercontent.com";
/** The audience aws-actions/configure-aws-credentials asks for: the provider's one client id. */
export const githubOidcAudience = "sts.amazonaws.com";

/** Config keys of the stack that creates the delivery roles (central-ai). */
export const deliveryConfigShape = {
  /** The account's existing GitHub OIDC provider, adopted by ARN (IAM allows one per URL): none is created. */
  githubOidcProviderArn: arnString.optional(),
  /** The bucket of a self-managed Pulumi backend (`s3://<bucket>`); left out with Pulumi Cloud. */
  stateBucket: bucketName.optional(),
};

/** The delivery config, as read by `readStackConfig({ ...deliveryConfigShape })`. */
export type DeliveryConfig = z.infer<z.ZodObject<typeof deliveryConfigShape>>;

/** A team stack delivered in the running env. */
export interface DeliveredTeam {
  team: string;
}

/**
 * The team stacks of the registry that have the running env, in registry order; platform stacks (the identity
 * stack) are delivered from their own account, never by central-ai.
 */
export function deliveredTeams(stack: TeamStack, registry: TeamsRegistry = readTeamsRegistry()): DeliveredTeam[] {
  return registry.teams.filter((entry) => !entry.platform && entry.envs.includes(stack.env)).map((entry) => ({ team: entry.stack }));
}

/** Arguments of {@link DeliveryRoles}. */
export interface DeliveryRolesArgs {
  /** The central stack, which creates every team's delivery roles in its env's account. */
  stack: TeamStack;
  /** The team stack the roles deploy and preview. */
  delivered: DeliveredTeam;
  /** The account's GitHub OIDC provider; `managed` when this stack creates it rather than adopting it. */
  githubOidcProvider: { arn: pulumi.Input<string>; managed: boolean };
  /** The central permissions boundary, and the shared policies the team may attach. */
  boundaryArn: pulumi.Input<string>;
  sharedPolicyArns: readonly pulumi.Input<string>[];
  stateBucket?: string;
}

/**
 * A team stack's two roles for GitHub Actions, in the env's account under `/ml-platform/`: the deploy
 * role, assumable only from the GitHub environment `<team>-<env>` (restricted to main, with reviewers in
 * prod), and the read-only preview role, assumable from pull requests and from main (the drift check).
 */
export class DeliveryRoles extends pulumi.ComponentResource {
  readonly team: string;
  readonly deployRoleArn: pulumi.Output<string>;
  readonly previewRoleArn: pulumi.Output<string>;

  constructor(args: DeliveryRolesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    const { stack, delivered } = args;
    const { team } = delivered;
    super("ml-iam:team-stack:DeliveryRoles", team, {}, opts);
    this.team = team;
    const central = team === stack.team;
    const platform = central
      ? { path: deliveryPath, oidcProviderArn: args.githubOidcProvider.arn, managesOidcProvider: args.githubOidcProvider.managed }
      : undefined;
    const scope = {
      scope: stack.scope,
      team,
      env: stack.env,
      stateBucket: args.stateBucket,
      readsStateOf: central ? [] : [stack.team],
      platform,
    };
    // Is the central boundary compatible with a deploy role? It allows iam:* only under
    // /ml/${aws:PrincipalTag/team}/, denies every boundary removal or change and allows no Identity
    // Center actions. Tagged team=<team>, a team's deploy role needs nothing beyond that, so the
    // boundary is attached as a second fence around its policy: every team's, since Identity Center is
    // the identity stack's alone. It does not fit the central team's own roles, which edit the boundary
    // and create the delivery roles under /ml-platform/: those rely on their policy's own denies. The one
    // thing a bounded deploy role loses is putting the central boundary on an existing role that has none
    // (adopting one): an administrator does that once. Preview roles only read, which the boundary
    // allows; they follow their deploy role, so a team's pair is alike.
    const boundaryFits = !central;
    // Names carry the env exactly when the central stack's do: when several envs share one account.
    const names = teamNames(team, stack.env, stack.names.resourceName("deploy") !== `${stack.team}-deploy`);
    const subject = (claim: string) => `repo:${stack.repository}:${claim}`;
    const role = (purpose: "deploy" | "preview", subjects: string[], description: string, policies: DeliveryRolePolicy[]) => {
      const path = `${deliveryPath}${purpose}/`;
      const created = new Role(
        `${team}-${purpose}`,
        {
          name: names.resourceName(purpose),
          path,
          description,
          assumeRolePolicy: policyDocument([githubActionsTrust({ providerArn: args.githubOidcProvider.arn, subjects, audience: githubOidcAudience })], {
            kind: "trust",
            name: `${team}/${purpose} trust`,
          }),
          permissionsBoundary: boundaryFits ? args.boundaryArn : undefined,
          maxSessionDuration: 3600,
          // Overrides the central stack's default team tag: the boundary scopes by the delivered team.
          tags: { team },
        },
        { parent: this, deleteBeforeReplace: true },
      );
      for (const policy of policies) {
        const name = names.resourceName(`${purpose}-${policy.name}`);
        const managed = new Policy(
          `${team}-${purpose}-${policy.name}`,
          {
            name,
            path,
            description: `${purpose === "deploy" ? "Deploy" : "Preview"} role of ${team} (${policy.name}).`,
            policy: policyDocument(policy.statements, { kind: "identity", name: `${team}/${purpose}-${policy.name}` }),
            tags: { team },
          },
          { parent: this, deleteBeforeReplace: true },
        );
        new RolePolicyAttachment(`${team}-${purpose}-${policy.name}`, { role: created.name, policyArn: managed.arn }, { parent: this });
      }
      return created;
    };

    const deployRole = role(
      "deploy",
      [subject(`environment:${team}-${stack.env}`)],
      `GitHub Actions deploys ${team} (${stack.env}) with this role, from the environment ${team}-${stack.env}.`,
      teamDeployRolePolicy({
        ...scope,
        boundaryArn: args.boundaryArn,
        sharedPolicyArns: args.sharedPolicyArns,
      }),
    );
    const previewRole = role(
      "preview",
      // Pull request previews, and the scheduled drift check, which runs on the default branch.
      [subject("pull_request"), subject("ref:refs/heads/main")],
      `GitHub Actions previews ${team} (${stack.env}) with this read-only role, on pull requests and in the drift check.`,
      teamPreviewRolePolicy(scope),
    );
    this.deployRoleArn = deployRole.arn;
    this.previewRoleArn = previewRole.arn;
    this.registerOutputs({ deployRoleArn: this.deployRoleArn, previewRoleArn: this.previewRoleArn });
  }
}
