import type * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

/** What {@link runStudioApps} needs. */
export interface RunStudioAppsArgs {
  /** The Studio domain the team works in (`d-…`). */
  domainId: pulumi.Input<string>;
}

/**
 * What Studio does as the team's Studio execution role once a person has opened it: creates and runs the
 * spaces and apps the team's user profiles own, tagging them with Studio's own tags, and describes and lists
 * what it shows. Opening Studio is the person's own grant, {@link openStudio}.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-jl-admin-guide-permissions.html
 */
export function runStudioApps(context: ActivityContext, args: RunStudioAppsArgs): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  const { domainId } = args;
  const teamProfiles = sagemaker.userProfile({ domainId, name });
  const domainSpaces = sagemaker.space({ domainId, name: "*" });
  const domainSpaceApps = sagemaker.app({ domainId, userProfile: "*", type: "*", name: "*" });
  // Owned by a team profile: a space's apps and the space itself, whatever their names.
  const ownedByTeam = { ArnLike: { "sagemaker:OwnerUserProfileArn": teamProfiles.value } };
  return [
    allow({
      // Studio creates spaces and apps with its own tags (sagemaker:user-profile-arn, …), never the team
      // tag, so ownership here rests on the owner profile and the profile's name instead of tags.
      sid: "StudioCreateSpacesAndAppsOfTeamProfiles",
      actions: ["sagemaker:CreateSpace", "sagemaker:UpdateSpace", "sagemaker:DeleteSpace", "sagemaker:CreateApp", "sagemaker:DeleteApp"],
      resources: [domainSpaces, domainSpaceApps],
      conditions: ownedByTeam,
    }),
    allow({
      // Apps of a user profile (rather than of a space) have no owner key: the profile's name is in their ARN.
      sid: "StudioProfileApps",
      actions: ["sagemaker:CreateApp", "sagemaker:DeleteApp"],
      resources: [sagemaker.app({ domainId, userProfile: name, type: "*", name: "*" })],
    }),
    allow({
      sid: "StudioTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources: [domainSpaces, domainSpaceApps],
      conditions: { StringEquals: { "sagemaker:TaggingAction": ["CreateSpace", "CreateApp"] } },
    }),
    allow({
      sid: "StudioDescribeTeamProfiles",
      actions: ["sagemaker:DescribeUserProfile"],
      resources: [teamProfiles],
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      // Describe has no owner key, and Studio users name spaces freely: the domain's spaces and apps are
      // described whoever owns them, as ListSpaces and ListApps show them anyway.
      sid: "StudioDescribeDomainSpacesAndApps",
      actions: ["sagemaker:DescribeDomain", "sagemaker:DescribeSpace", "sagemaker:DescribeApp"],
      resources: [sagemaker.domain({ id: domainId }), domainSpaces, domainSpaceApps],
    }),
    allow({
      // No resource-level permissions: Studio lists what it shows, names only.
      sid: "StudioList",
      actions: ["sagemaker:ListApps", "sagemaker:ListDomains", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles"],
      resources: ["*"],
    }),
  ];
}
