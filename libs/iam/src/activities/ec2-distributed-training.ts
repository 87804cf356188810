import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";
import { passRole } from "./pass-role";

/** What {@link ec2DistributedTraining} needs. */
export interface Ec2DistributedTrainingArgs {
  /** The AMIs training instances may boot from (Deep Learning AMIs, the team's own images). */
  images: readonly Arn<"ec2:image">[];
  /** The subnets instances may be launched in; `ec2.subnet({ id: "*" })` for any subnet of the account. */
  subnets: readonly Arn<"ec2:subnet">[];
  /** The security groups instances may join; `ec2.securityGroup({ id: "*" })` for any of the account. */
  securityGroups: readonly Arn<"ec2:security-group">[];
  /** The roles instances run as, through their instance profiles: passed to `ec2.amazonaws.com` only. */
  instanceRoles: readonly Arn<"iam:role">[];
  /** Key pairs instances may be launched with; none when left out (connect without SSH keys). */
  keyPairs?: readonly Arn<"ec2:key-pair">[];
  /** Launch templates instances may be launched from; none when left out. */
  launchTemplates?: readonly Arn<"ec2:launch-template">[];
}

/**
 * Launches the team's training instances and stops, starts, reboots and terminates them: every instance,
 * volume and network interface is tagged `team` as it is created, instances require IMDSv2, and only
 * instances tagged `team` can be changed afterwards.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html#iam-example-runinstances
 */
export function ec2DistributedTraining(context: ActivityContext, args: Ec2DistributedTrainingArgs): Statement[] {
  const required = { images: args.images, subnets: args.subnets, securityGroups: args.securityGroups };
  for (const [field, list] of Object.entries(required)) {
    if (list.length === 0) throw new Error(`ec2DistributedTraining needs at least one of ${field}: RunInstances is denied without one`);
  }
  const { ec2 } = arnBuilders(context.scope);
  const instances = ec2.instance({ id: "*" });
  const volumesAndInterfaces = [ec2.volume({ id: "*" }), ec2.networkInterface({ id: "*" })];
  const taggedForTeam = { "aws:RequestTag/team": context.team };
  return [
    allow({
      // RunInstances is authorized on every resource it touches, each with its own condition keys; a key a
      // resource type lacks fails the condition, so the instance's keys get a statement of their own.
      // IMDSv2: the instance hands the team's role credentials to whatever can reach its metadata service.
      sid: "Ec2LaunchTeamInstances",
      actions: ["ec2:RunInstances"],
      resources: [instances],
      conditions: { StringEquals: { ...taggedForTeam, "ec2:MetadataHttpTokens": "required" } },
    }),
    allow({
      sid: "Ec2LaunchTeamVolumesAndInterfaces",
      actions: ["ec2:RunInstances"],
      resources: volumesAndInterfaces,
      conditions: { StringEquals: taggedForTeam },
    }),
    allow({
      sid: "Ec2LaunchFromTeamImagesAndNetwork",
      actions: ["ec2:RunInstances"],
      resources: [...args.images, ...args.subnets, ...args.securityGroups, ...(args.keyPairs ?? []), ...(args.launchTemplates ?? [])],
    }),
    allow({
      // The tags of a RunInstances request are authorized as CreateTags; CreateAction keeps the grant from
      // retagging existing instances, which would hand the team another team's instances.
      sid: "Ec2TagOnLaunch",
      actions: ["ec2:CreateTags"],
      resources: [instances, ...volumesAndInterfaces],
      conditions: { StringEquals: { "ec2:CreateAction": "RunInstances" } },
    }),
    allow({
      sid: "Ec2ManageTeamInstances",
      actions: ["ec2:RebootInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances"],
      resources: [instances],
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // Describe calls have no resource-level permissions; listed rather than ec2:Describe*, whose few
      // resource-scoped actions would be granted on "*" too.
      sid: "Ec2Describe",
      actions: [
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeImages",
        "ec2:DescribeInstanceStatus",
        "ec2:DescribeInstanceTypeOfferings",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeInstances",
        "ec2:DescribeKeyPairs",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeTags",
        "ec2:DescribeVolumes",
        "ec2:DescribeVpcs",
      ],
      resources: ["*"],
    }),
    ...passRole(context, { roles: args.instanceRoles, service: "ec2.amazonaws.com", sid: "Ec2PassInstanceRoles" }),
  ];
}
