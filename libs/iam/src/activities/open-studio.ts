import type * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import { policyVariable } from "../policy-variable";
import { allow, type Statement } from "../statement";
import { personTagKey, teamTagKey } from "../team-conventions";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

/** What {@link openStudio} needs. */
export interface OpenStudioArgs {
  /** The Studio domain the team works in (`d-…`). */
  domainId: pulumi.Input<string>;
}

/**
 * Opens Studio on one's own user profile only: the profile named for the team and tagged with the person the
 * session belongs to (`aws:PrincipalTag/person`, a session tag the access role's trust requires). IAM checks
 * the grant again on every request to the app, so a colleague's profile stays closed.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/studio-updated-jl-admin-guide-permissions.html
 */
export function openStudio(context: ActivityContext, args: OpenStudioArgs): Statement[] {
  const { sagemaker } = arnBuilders(context.scope);
  return [
    allow({
      sid: "StudioOpenOwnProfile",
      actions: ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"],
      resources: [sagemaker.userProfile({ domainId: args.domainId, name: teamNamePrefix(context) })],
      conditions: {
        StringEquals: {
          [`aws:ResourceTag/${teamTagKey}`]: context.team,
          [`aws:ResourceTag/${personTagKey}`]: policyVariable(`aws:PrincipalTag/${personTagKey}`),
        },
      },
    }),
  ];
}
