import { studioUserProfileName } from "@ml-iam/iam";
import { studioProfileTags, taggedFor } from "../request-context";
import type { TeamResources } from "../team-resources";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowStep } from "../workflow";

/** The Studio user profile of the team's first person, `<team>-<person>`, and its ARN. */
export function ownStudioProfile(team: TeamResources): { person: string; name: string; arn: string } {
  const person = team.people()[0]!;
  const name = studioUserProfileName(team.team, person);
  return { person, name, arn: team.arn.sagemaker.userProfile({ domainId: team.value("studioDomainId"), name }).value };
}

/**
 * A person opens Studio through a presigned URL to their own user profile (IAM re-checks it on every request
 * to the app); Studio then runs as the profile's execution role, which creates the person's private space and
 * starts JupyterLab in it, tagging both with Studio's own tags.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-jl-admin-guide-permissions.html
 */
export const openStudio = defineWorkflow({
  name: "open-studio",
  title: "Open Studio on one's own user profile and start JupyterLab in a private space",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-launch.html",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-jl-admin-guide-permissions.html",
    "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePresignedDomainUrl.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
  ],
  steps: (team): WorkflowStep[] => {
    const domainId = team.value("studioDomainId");
    const profile = ownStudioProfile(team);
    const ownProfile = taggedFor(team.team, studioProfileTags(team.team, profile.person));
    const space = team.name(`${profile.name.slice(team.team.length + 1)}-space`);
    const spaceArn = team.arn.sagemaker.space({ domainId, name: space }).value;
    const appArn = team.arn.sagemaker.app({ domainId, userProfile: space, type: "jupyterlab", name: "default" }).value;
    const ownedSpace = { "sagemaker:OwnerUserProfileArn": profile.arn, "sagemaker:SpaceSharingType": "Private" };
    // Studio tags what it creates with its own keys; the tags are authorized as sagemaker:AddTags.
    const domainArn = team.arn.sagemaker.domain({ id: domainId }).value;
    const studioTags = {
      "aws:RequestTag/sagemaker:domain-arn": domainArn,
      "aws:RequestTag/sagemaker:user-profile-arn": profile.arn,
      "aws:TagKeys": ["sagemaker:domain-arn", "sagemaker:user-profile-arn"],
    };
    return [
      { actor: "person", action: "sagemaker:DescribeUserProfile", resource: profile.arn, context: ownProfile, purpose: `find the profile ${profile.name}` },
      { actor: "person", action: "sagemaker:CreatePresignedDomainUrl", resource: profile.arn, context: ownProfile, purpose: "open Studio as the profile" },
      { actor: "studio", action: "sagemaker:DescribeDomain", resource: domainArn, context: {}, purpose: "load the domain's settings" },
      { actor: "studio", action: "sagemaker:DescribeUserProfile", resource: profile.arn, context: ownProfile, purpose: "load the profile's settings" },
      { actor: "studio", action: "sagemaker:ListSpaces", resource: "*", context: {}, purpose: "list the spaces Studio shows" },
      { actor: "studio", action: "sagemaker:ListApps", resource: "*", context: {}, purpose: "list the apps Studio shows" },
      { actor: "studio", action: "sagemaker:CreateSpace", resource: spaceArn, context: { ...ownedSpace, ...studioTags }, purpose: `create the private space ${space}` },
      { actor: "studio", action: "sagemaker:AddTags", resource: spaceArn, context: { ...studioTags, "sagemaker:TaggingAction": "CreateSpace" }, purpose: "tag the space with its owner" },
      { actor: "studio", action: "sagemaker:DescribeSpace", resource: spaceArn, context: {}, purpose: "wait for the space" },
      { actor: "studio", action: "sagemaker:CreateApp", resource: appArn, context: { ...ownedSpace, ...studioTags }, purpose: "start JupyterLab in the space" },
      { actor: "studio", action: "sagemaker:AddTags", resource: appArn, context: { ...studioTags, "sagemaker:TaggingAction": "CreateApp" }, purpose: "tag the app with its owner" },
      { actor: "studio", action: "sagemaker:DescribeApp", resource: appArn, context: {}, purpose: "wait for JupyterLab" },
    ];
  },
});
