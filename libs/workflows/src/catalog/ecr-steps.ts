import { taggedFor } from "../request-context";
import type { TeamResources } from "../team-resources";
import type { WorkflowActor, WorkflowStep } from "../workflow";

/**
 * Pulling an image from one of the team's repositories: the registry token (no resource-level permissions),
 * then the layers and the manifest, each on the repository and so with its `team` tag as `aws:ResourceTag/team`.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-pull.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
 */
export function pullImageSteps(team: TeamResources, actor: WorkflowActor, repository: string): WorkflowStep[] {
  const resource = team.arn.ecr.repository({ name: repository }).value;
  const context = taggedFor(team.team);
  return [
    { actor, action: "ecr:GetAuthorizationToken", resource: "*", context: {}, purpose: "get a registry token" },
    { actor, action: "ecr:BatchCheckLayerAvailability", resource, context, purpose: `check the layers of ${repository}` },
    { actor, action: "ecr:GetDownloadUrlForLayer", resource, context, purpose: `download the layers of ${repository}` },
    { actor, action: "ecr:BatchGetImage", resource, context, purpose: `read the image manifest of ${repository}` },
  ];
}
