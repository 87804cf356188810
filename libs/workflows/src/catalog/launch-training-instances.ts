import { passedTo, taggedFor, taggedOnCreate } from "../request-context";
import type { TeamResources } from "../team-resources";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowContext, WorkflowStep } from "../workflow";

const ec2Service = "ec2.amazonaws.com";
const trainingInstanceType = "p4d.24xlarge";

/** How instances are launched: into a cluster placement group, from a launch template, on Spot. */
interface LaunchOptions {
  placementGroup?: string;
  launchTemplate?: string;
  spot?: boolean;
}

/**
 * RunInstances as EC2 authorizes it: once per resource the launch touches, each with the condition keys of its
 * resource type. Instances, volumes and network interfaces are tagged for the team as they are created
 * (the tags are authorized as CreateTags with `ec2:CreateAction`), instances require IMDSv2 and run as the
 * instance role, which is passed to EC2.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html#iam-example-runinstances
 */
export function launchSteps(team: TeamResources, options: LaunchOptions = {}): WorkflowStep[] {
  const { ec2 } = team.arn;
  const created = taggedOnCreate(team.team);
  const fromTemplate: WorkflowContext = options.launchTemplate ? { "ec2:IsLaunchTemplateResource": "true", "ec2:LaunchTemplate": ec2.launchTemplate({ id: options.launchTemplate }).value } : {};
  const instanceProfile = team.role("instance").replace(":role/", ":instance-profile/");
  const instance: WorkflowContext = {
    ...created,
    ...fromTemplate,
    "ec2:InstanceType": trainingInstanceType,
    "ec2:MetadataHttpTokens": "required",
    "ec2:InstanceProfile": instanceProfile,
    "ec2:InstanceMarketType": options.spot ? "spot" : "on-demand",
    ...(options.placementGroup ? { "ec2:PlacementGroup": ec2.placementGroup({ name: options.placementGroup }).value } : {}),
  };
  const subnet = team.first("subnetIds");
  const securityGroup = team.first("securityGroupIds");
  const image = team.first("imageIds");
  const resources: [string, WorkflowContext, string][] = [
    [ec2.instance({ id: "*" }).value, instance, "the instances, tagged for the team, IMDSv2 only"],
    [ec2.volume({ id: "*" }).value, { ...created, ...fromTemplate }, "their volumes, tagged for the team"],
    [ec2.networkInterface({ id: "*" }).value, { ...created, ...fromTemplate, "ec2:Subnet": ec2.subnet({ id: subnet }).value }, "their network interfaces, tagged for the team"],
    [ec2.subnet({ id: subnet }).value, fromTemplate, `in ${subnet}`],
    [ec2.securityGroup({ id: securityGroup }).value, fromTemplate, `in ${securityGroup}`],
    [ec2.image({ id: image }).value, fromTemplate, `from ${image}`],
    ...(options.launchTemplate ? [[ec2.launchTemplate({ id: options.launchTemplate }).value, {}, `from the launch template ${options.launchTemplate}`] as [string, WorkflowContext, string]] : []),
    ...(options.placementGroup
      ? [[ec2.placementGroup({ name: options.placementGroup }).value, { ...taggedFor(team.team), "ec2:PlacementGroupStrategy": "cluster" }, `in the cluster placement group ${options.placementGroup}`] as [string, WorkflowContext, string]]
      : []),
    ...(options.spot ? [[ec2.spotInstancesRequest({ id: "*" }).value, created, "the Spot request, tagged for the team"] as [string, WorkflowContext, string]] : []),
  ];
  const taggedAtLaunch = [ec2.instance({ id: "*" }).value, ec2.volume({ id: "*" }).value, ec2.networkInterface({ id: "*" }).value, ...(options.spot ? [ec2.spotInstancesRequest({ id: "*" }).value] : [])];
  return [
    { actor: "person", action: "iam:PassRole", resource: team.role("instance"), context: passedTo(ec2Service), purpose: "let the instances run as the instance role" },
    ...resources.map(([resource, context, purpose]): WorkflowStep => ({ actor: "person", action: "ec2:RunInstances", resource, context, purpose: `launch ${purpose}` })),
    ...taggedAtLaunch.map((resource): WorkflowStep => ({ actor: "person", action: "ec2:CreateTags", resource, context: { ...created, "ec2:CreateAction": "RunInstances" }, purpose: "tag it as it launches" })),
    { actor: "person", action: "ec2:DescribeInstances", resource: "*", context: {}, purpose: "wait for the instances" },
  ];
}

/** Stopping the team's own instances: EC2 authorizes on the instance, by its team tag. */
function terminateSteps(team: TeamResources): WorkflowStep[] {
  const instance = team.arn.ec2.instance({ id: "i-0a1b2c3d4e5f60718" }).value;
  return [{ actor: "person", action: "ec2:TerminateInstances", resource: instance, context: taggedFor(team.team), purpose: "terminate the team's instance" }];
}

const ec2Sources = [
  "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html#iam-example-runinstances",
  "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html",
];

/** A person launches a training instance as the instance role, and terminates the team's own instances. */
export const launchTrainingInstance = defineWorkflow({
  name: "launch-training-instance",
  title: "Launch a training instance as the instance role; terminate the team's own",
  expect: "allowed",
  sources: ec2Sources,
  steps: (team) => [...launchSteps(team), ...terminateSteps(team)],
});

/**
 * A multi-node cluster in a cluster placement group, which EFA needs: the group is created for the team
 * (named and tagged by its convention), instances launch into it, and it is deleted afterwards.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-groups.html
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa-start.html
 */
export const launchCluster = defineWorkflow({
  name: "launch-cluster",
  title: "Launch a multi-node cluster in a cluster placement group (EFA)",
  expect: "allowed",
  sources: [...ec2Sources, "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/placement-groups.html", "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa-start.html"],
  steps: (team): WorkflowStep[] => {
    const group = team.name("efa-cluster");
    const groupArn = team.arn.ec2.placementGroup({ name: group }).value;
    const created = taggedOnCreate(team.team);
    return [
      { actor: "person", action: "ec2:CreatePlacementGroup", resource: groupArn, context: { ...created, "ec2:PlacementGroupStrategy": "cluster" }, purpose: `create ${group}, tagged for the team` },
      { actor: "person", action: "ec2:CreateTags", resource: groupArn, context: { ...created, "ec2:CreateAction": "CreatePlacementGroup" }, purpose: "tag the group as it is created" },
      ...launchSteps(team, { placementGroup: group }),
      ...terminateSteps(team),
      { actor: "person", action: "ec2:DeletePlacementGroup", resource: groupArn, context: taggedFor(team.team), purpose: `delete ${group}` },
    ];
  },
});

/** Instances from one of the team's launch templates. https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/use-launch-template-permissions.html */
export const launchFromTemplate = defineWorkflow({
  name: "launch-from-template",
  title: "Launch training instances from the team's launch template",
  expect: "allowed",
  sources: [...ec2Sources, "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/use-launch-template-permissions.html"],
  steps: (team): WorkflowStep[] => {
    const template = team.first("launchTemplateIds");
    return [
      { actor: "person", action: "ec2:DescribeLaunchTemplateVersions", resource: "*", context: {}, purpose: `read ${template}` },
      ...launchSteps(team, { launchTemplate: template }),
    ];
  },
});

/** Instances on Spot capacity. https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-requests.html#spot-instances-request-permissions */
export const launchSpot = defineWorkflow({
  name: "launch-spot",
  title: "Launch training instances on Spot",
  expect: "allowed",
  sources: [...ec2Sources, "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-requests.html"],
  steps: (team) => launchSteps(team, { spot: true }),
});
