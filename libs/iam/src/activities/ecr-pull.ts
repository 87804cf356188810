import type { Arn } from "../arn";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** What {@link ecrPull} needs. */
export interface EcrPullArgs {
  /** The repositories whose images may be pulled. */
  repositories: readonly Arn<"ecr:repository">[];
}

/** The actions that pull an image from a repository: its layers and its manifest. */
export const ecrPullActions = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] as const;

/**
 * Pulls images from the given ECR repositories, as SageMaker does for a job's or model's container.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
 */
export function ecrPull(_context: ActivityContext, args: EcrPullArgs): Statement[] {
  if (args.repositories.length === 0) throw new Error("ecrPull needs at least one repository: leave the activity out instead");
  return [
    allow({
      // The registry login token has no resource-level permissions; it opens no repository by itself.
      sid: "EcrAuthorizationToken",
      actions: ["ecr:GetAuthorizationToken"],
      resources: ["*"],
    }),
    allow({
      sid: "EcrPullImages",
      actions: [...ecrPullActions],
      resources: args.repositories,
    }),
  ];
}
