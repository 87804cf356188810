import * as pulumi from "@pulumi/pulumi";
import { getUserOutput, Group, GroupMembership } from "@pulumi/aws/identitystore";
import { AccountAssignment, CustomerManagedPolicyAttachment, PermissionsBoundaryAttachment, PermissionSet } from "@pulumi/aws/ssoadmin";
import { managedPolicyReference } from "@ml-iam/iam";
import { accountOfPolicyArn } from "./identity-center-account";

/** Identity Center permission set names: at most 32 of letters, digits and `+=,.@-`. */
const permissionSetNamePattern = /^[\w+=,.@-]{1,32}$/;

/** One env of a team as its people reach it: what the team stack exports for that env. */
export interface TeamEnvAccess {
  env: string;
  /** The team's people policies in the env's account, attached to the permission set by path and name. */
  peoplePolicyArns: pulumi.Input<string[]>;
  /** The central boundary in the env's account; its account is where the permission set is assigned. */
  permissionsBoundaryArn: pulumi.Input<string>;
}

/** Arguments of {@link IdentityCenterTeam}. */
export interface IdentityCenterTeamArgs {
  team: string;
  identityStoreId: pulumi.Input<string>;
  instanceArn: pulumi.Input<string>;
  /** Identity Store user names of the team's people: looked up, never created here. */
  users: readonly string[];
  /** Every env the team's people work in: one permission set each, assigned to the group in the env's account. */
  envs: readonly TeamEnvAccess[];
  /** The provider of the account that administers Identity Center. */
  provider: pulumi.ProviderResource;
}

/**
 * A team in IAM Identity Center: its group of existing users, and per env a permission set holding exactly the
 * team's people policies within the central boundary, assigned to the group in that env's account.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html
 */
export class IdentityCenterTeam extends pulumi.ComponentResource {
  readonly groupId: pulumi.Output<string>;
  /** The permission set of each env, by env. */
  readonly permissionSetArns: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(args: IdentityCenterTeamArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("ml-iam:team-stack:IdentityCenterTeam", args.team, {}, opts);
    const { team, identityStoreId, instanceArn, provider } = args;
    const problems = args.envs
      .map(({ env }) => `${team}-${env}`)
      .filter((name) => !permissionSetNamePattern.test(name))
      .map((name) => `permission set name ${name} is longer than Identity Center's 32 characters or has characters it refuses`);
    if (problems.length > 0) throw new Error(`${team}: ${problems.join("; ")}`);
    const child = { parent: this, provider };

    // One group for the team in every env: membership is who the person is, the assignment is where they work.
    const group = new Group(`${team}-group`, { identityStoreId, displayName: team, description: `The ${team} team's people.` }, { ...child, deleteBeforeReplace: true });
    for (const userName of args.users) {
      const user = getUserOutput({ identityStoreId, alternateIdentifier: { uniqueAttribute: { attributePath: "UserName", attributeValue: userName } } }, { provider });
      new GroupMembership(`${team}-member-${userName}`, { identityStoreId, groupId: group.groupId, memberId: user.userId }, child);
    }

    const permissionSetArns: Record<string, pulumi.Output<string>> = {};
    for (const access of args.envs) {
      const name = `${team}-${access.env}`;
      // Identity Center is one per organization: names carry the env.
      const permissionSet = new PermissionSet(
        name,
        { instanceArn, name, description: `The ${team} team's people in ${access.env}: their policies, within the central boundary.`, sessionDuration: "PT1H" },
        { ...child, deleteBeforeReplace: true },
      );
      const boundary = new PermissionsBoundaryAttachment(
        `${name}-boundary`,
        { instanceArn, permissionSetArn: permissionSet.arn, permissionsBoundary: { customerManagedPolicyReference: pulumi.output(access.permissionsBoundaryArn).apply(managedPolicyReference) } },
        child,
      );
      // The team stack's outputs are known in preview (a StackReference reads state), so these attachments are too.
      const policies = pulumi.output(access.peoplePolicyArns).apply((arns) =>
        arns.map((arn) => {
          const reference = managedPolicyReference(arn);
          return new CustomerManagedPolicyAttachment(`${name}-${reference.name}`, { instanceArn, permissionSetArn: permissionSet.arn, customerManagedPolicyReference: reference }, child);
        }),
      );
      // Assigning provisions the set's role in the account: never before its boundary and policies are attached.
      new AccountAssignment(
        `${name}-assignment`,
        {
          instanceArn,
          permissionSetArn: permissionSet.arn,
          principalType: "GROUP",
          principalId: group.groupId,
          targetType: "AWS_ACCOUNT",
          targetId: pulumi.output(access.permissionsBoundaryArn).apply(accountOfPolicyArn),
        },
        { ...child, dependsOn: pulumi.output(policies).apply((attachments) => [boundary, ...attachments]) },
      );
      permissionSetArns[access.env] = permissionSet.arn;
    }
    this.groupId = group.groupId;
    this.permissionSetArns = permissionSetArns;
    this.registerOutputs({ groupId: this.groupId });
  }
}
