import * as pulumi from "@pulumi/pulumi";
import { Group, GroupMembership, GroupPolicy } from "@pulumi/aws/iam";
import { allow, manageOwnCredentials, policyDocument } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";

/** Arguments of {@link TeamGroup}. */
export interface TeamGroupArgs {
  stack: TeamStack;
  /** Existing IAM user names; the group only manages their membership. */
  members: readonly pulumi.Input<string>[];
  /** The roles members may assume (tagging the session with who they are), and nothing else: all their access goes through these roles. */
  assumableRoleArns: readonly pulumi.Input<string>[];
}

/**
 * The team's IAM group: its members may assume exactly the team's access roles, and manage their own password
 * and MFA device, doing nothing else until they sign in with MFA.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
 */
export class TeamGroup extends pulumi.ComponentResource {
  readonly name: pulumi.Output<string>;
  readonly arn: pulumi.Output<string>;

  constructor(args: TeamGroupArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("ml-iam:team-stack:TeamGroup", "group", {}, opts);
    const { stack } = args;
    const group = new Group(
      "group",
      { name: stack.names.resourceName("users"), path: stack.names.path },
      { parent: this, deleteBeforeReplace: true },
    );
    new GroupPolicy(
      "assume-roles",
      {
        name: "team-member-access",
        group: group.name,
        // Without MFA, the self-service deny leaves a member nothing but enrolment, AssumeRole included.
        policy: policyDocument(
          [
            allow({ actions: ["sts:AssumeRole", "sts:TagSession"], resources: [...args.assumableRoleArns] }),
            ...manageOwnCredentials({ scope: stack.scope, team: stack.team }),
          ],
          { kind: "inline", name: `${stack.team}/group` },
        ),
      },
      { parent: this },
    );
    if (args.members.length > 0) {
      new GroupMembership(
        "members",
        { name: stack.names.resourceName("members"), group: group.name, users: [...args.members] },
        { parent: this },
      );
    }
    this.name = group.name;
    this.arn = group.arn;
    this.registerOutputs({ name: this.name, arn: this.arn });
  }
}
