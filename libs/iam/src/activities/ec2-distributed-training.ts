import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { passRole } from "./pass-role";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

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
  /** The instance types the team launches (`p4d.24xlarge`); any type when left out. */
  instanceTypes?: readonly string[];
}

/**
 * Launches the team's training instances, on demand or on Spot, from the team's images and launch templates,
 * alone or as a cluster in the team's placement groups (`<team>-*`, tagged `team`, which EFA needs), and stops,
 * starts, reboots and terminates them: every instance, volume, network interface, Spot request and placement
 * group is tagged `team` as it is created, instances require IMDSv2 (and one of the listed types), and only
 * what is tagged `team` can be changed afterwards.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html#iam-example-runinstances
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-groups.html
 */
export function ec2DistributedTraining(context: ActivityContext, args: Ec2DistributedTrainingArgs): Statement[] {
  const required = { images: args.images, subnets: args.subnets, securityGroups: args.securityGroups };
  for (const [field, list] of Object.entries(required)) {
    if (list.length === 0) throw new Error(`ec2DistributedTraining needs at least one of ${field}: RunInstances is denied without one`);
  }
  const { ec2 } = arnBuilders(context.scope);
  const instances = ec2.instance({ id: "*" });
  // A Spot request is only authorized when the launch tags it, so the team's launches always do.
  const createdWithInstances = [ec2.volume({ id: "*" }), ec2.networkInterface({ id: "*" }), ec2.spotInstancesRequest({ id: "*" })];
  const placementGroups = ec2.placementGroup({ name: teamNamePrefix(context) });
  const taggedForTeam = { "aws:RequestTag/team": context.team };
  const ownedByTeam = { "aws:ResourceTag/team": context.team };
  const instanceTypes = args.instanceTypes?.length ? { "ec2:InstanceType": args.instanceTypes } : {};
  return [
    allow({
      // RunInstances is authorized on every resource it touches, each with its own condition keys; a key a
      // resource type lacks fails the condition, so the instance's keys get a statement of their own.
      // IMDSv2: the instance hands the team's role credentials to whatever can reach its metadata service.
      sid: "Ec2LaunchTeamInstances",
      actions: ["ec2:RunInstances"],
      resources: [instances],
      conditions: { StringEquals: { ...taggedForTeam, "ec2:MetadataHttpTokens": "required", ...instanceTypes } },
    }),
    allow({
      sid: "Ec2LaunchTeamVolumesInterfacesAndSpotRequests",
      actions: ["ec2:RunInstances"],
      resources: createdWithInstances,
      conditions: { StringEquals: taggedForTeam },
    }),
    allow({
      sid: "Ec2LaunchIntoTeamPlacementGroups",
      actions: ["ec2:RunInstances"],
      resources: [placementGroups],
      conditions: { StringEquals: ownedByTeam },
    }),
    allow({
      sid: "Ec2CreateTeamPlacementGroups",
      actions: ["ec2:CreatePlacementGroup"],
      resources: [placementGroups],
      conditions: { StringEquals: taggedForTeam },
    }),
    allow({
      sid: "Ec2DeleteTeamPlacementGroups",
      actions: ["ec2:DeletePlacementGroup"],
      resources: [placementGroups],
      conditions: { StringEquals: ownedByTeam },
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
      resources: [instances, ...createdWithInstances, placementGroups],
      conditions: { StringEquals: { "ec2:CreateAction": ["RunInstances", "CreatePlacementGroup"] } },
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
        "ec2:DescribePlacementGroups",
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
