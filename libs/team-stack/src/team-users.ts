import * as pulumi from "@pulumi/pulumi";
import { User, UserLoginProfile } from "@pulumi/aws/iam";
import type { TeamStack } from "./stack-config";

/** Arguments of {@link TeamUsers}. */
export interface TeamUsersArgs {
  stack: TeamStack;
  /** The IAM user names this stack creates. */
  names: readonly string[];
  /** Each user's PGP public key (checked by the config: every user has one). */
  pgpKeys: Readonly<Record<string, string>>;
  /** The central boundary, which every team principal carries. */
  permissionsBoundaryArn: pulumi.Input<string>;
}

/**
 * The team's IAM users, created by the stack that names them (a group membership of a user nothing creates
 * fails `pulumi up` with NoSuchEntity). No access keys: each signs in to the console with a password AWS
 * encrypts to the user's PGP key, so no plaintext is in state, plan or PR comment, and must replace it at once.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html
 */
export class TeamUsers extends pulumi.ComponentResource {
  /** The users' names, known once created: what the team's group takes as members. */
  readonly names: pulumi.Output<string>[];

  constructor(args: TeamUsersArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("ml-iam:team-stack:TeamUsers", "users", {}, opts);
    const { stack } = args;
    // Central-ai created its users at the stack's root before this component: the alias keeps them, not replaces them.
    const moved = { parent: this, aliases: [{ parent: pulumi.rootStackResource }] };
    this.names = args.names.map((name) => {
      const user = new User(
        `user-${name}`,
        { name, path: stack.names.path, permissionsBoundary: args.permissionsBoundaryArn, forceDestroy: false },
        { ...moved, deleteBeforeReplace: true },
      );
      new UserLoginProfile(`login-${name}`, { user: user.name, pgpKey: args.pgpKeys[name]!, passwordResetRequired: true }, moved);
      return user.name;
    });
    this.registerOutputs({ names: this.names });
  }
}

/**
 * Where the users a config names (`users`, `members`) and their PGP keys disagree: a user without a key could
 * only get a plaintext password, and a key for nobody is a typo that leaves its user without one.
 */
export function teamUserKeyProblems(project: string, own: Record<string, unknown>): { key: string; problem: string }[] {
  const userKeys = ["users", "members"].filter((key) => Array.isArray(own[key]));
  const names = userKeys.flatMap((key) => (own[key] as unknown[]).filter((name): name is string => typeof name === "string"));
  const keys = typeof own.pgpKeys === "object" && own.pgpKeys !== null && !Array.isArray(own.pgpKeys) ? Object.keys(own.pgpKeys) : [];
  const listed = userKeys.map((key) => `${project}:${key}`).join(" or ") || `${project}:members`;
  return [
    ...names
      .filter((name) => !keys.includes(name))
      .map((name) => ({ key: `${project}:pgpKeys`, problem: `${name} has no PGP key: its console password could only be kept in plaintext` })),
    ...keys
      .filter((name) => !names.includes(name))
      .map((name) => ({ key: `${project}:pgpKeys.${name}`, problem: `${name} is not a user of ${listed}: a key for nobody` })),
  ];
}
