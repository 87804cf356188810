import * as pulumi from "@pulumi/pulumi";
import { Group, GroupMembership, GroupPolicy } from "@pulumi/aws/iam";
import { allow, policyDocument } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";

/** Arguments of {@link TeamGroup}. */
export interface TeamGroupArgs {
  stack: TeamStack;
  /** Existing IAM user names; the group only manages their membership. */
  members: readonly pulumi.Input<string>[];
  /** The roles members may assume (tagging the session with who they are), and nothing else: all their access goes through these roles. */
  assumableRoleArns: readonly pulumi.Input<string>[];
}

/** The team's IAM group: its members may assume exactly the team's access roles. */
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
        name: "assume-team-roles",
        group: group.name,
        policy: policyDocument([allow({ actions: ["sts:AssumeRole", "sts:TagSession"], resources: [...args.assumableRoleArns] })], {
          kind: "inline",
          name: `${stack.team}/group`,
        }),
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
