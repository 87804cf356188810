import type { Arn } from "../arn";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";
import { ecrPullActions } from "./ecr-pull";

/** What {@link ecrPush} needs. */
export interface EcrPushArgs {
  /** The team's repositories, under `<team>/`. */
  repositories: readonly Arn<"ecr:repository">[];
}

/**
 * Builds on and pushes to the team's ECR repositories: the registry token, layer uploads and the manifest,
 * and pulls (a build starts from the team's own base images), on those repositories only.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
 */
export function ecrPush(_context: ActivityContext, args: EcrPushArgs): Statement[] {
  if (args.repositories.length === 0) throw new Error("ecrPush needs at least one repository: leave the activity out instead");
  return [
    allow({
      // The registry login token has no resource-level permissions; it opens no repository by itself.
      sid: "EcrPushAuthorizationToken",
      actions: ["ecr:GetAuthorizationToken"],
      resources: ["*"],
    }),
    allow({
      sid: "EcrPushImages",
      actions: [...ecrPullActions, "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:DescribeImages"],
      resources: args.repositories,
    }),
  ];
}
