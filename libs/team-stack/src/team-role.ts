import * as pulumi from "@pulumi/pulumi";
import { Role, RolePolicyAttachment } from "@pulumi/aws/iam";
import { defaultQuotas, policyDocument, type Statement } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";

/** Arguments of {@link TeamRole}. */
export interface TeamRoleArgs {
  stack: TeamStack;
  /** What the role is for (`access`, `execution`); names it `<team>-<purpose>` under the team's path. */
  purpose: string;
  description: string;
  /** Who may assume the role: see `accountTrust` and `serviceTrust` in @ml-iam/iam. */
  trust: readonly Statement[];
  /** The central permissions boundary: the most this role can ever do, whatever is attached. */
  permissionsBoundaryArn: pulumi.Input<string>;
  /** Managed policies to attach, by a stable key that names the attachment. */
  managedPolicies: Record<string, pulumi.Input<string>>;
  maxSessionDuration?: number;
}

/** A team role: explicitly named under the team's path, with the boundary and its managed policies. */
export class TeamRole extends pulumi.ComponentResource {
  readonly arn: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  /** The ARNs of the managed policies attached, in the order given: what a permission set must attach to match it. */
  readonly managedPolicyArns: pulumi.Output<string[]>;

  constructor(args: TeamRoleArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("ml-iam:team-stack:TeamRole", args.purpose, {}, opts);
    const { stack, purpose } = args;
    const attachments = Object.entries(args.managedPolicies);
    if (attachments.length > defaultQuotas.managedPoliciesPerRole) {
      throw new Error(
        `role ${stack.names.resourceName(purpose)} would have ${attachments.length} managed policies; AWS allows ${defaultQuotas.managedPoliciesPerRole} per role: merge some`,
      );
    }
    const role = new Role(
      purpose,
      {
        name: stack.names.resourceName(purpose),
        path: stack.names.path,
        description: args.description,
        assumeRolePolicy: policyDocument(args.trust, { kind: "trust", name: `${stack.team}/${purpose} trust` }),
        permissionsBoundary: args.permissionsBoundaryArn,
        maxSessionDuration: args.maxSessionDuration ?? 3600,
      },
      { parent: this, deleteBeforeReplace: true },
    );
    for (const [key, policyArn] of attachments) {
      new RolePolicyAttachment(`${purpose}-${key}`, { role: role.name, policyArn }, { parent: this });
    }
    this.arn = role.arn;
    this.name = role.name;
    this.managedPolicyArns = pulumi.all(attachments.map(([, policyArn]) => policyArn));
    this.registerOutputs({ arn: this.arn, name: this.name });
  }
}
