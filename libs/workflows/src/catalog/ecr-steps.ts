import type { TeamResources } from "../team-resources";
import type { WorkflowActor, WorkflowStep } from "../workflow";

/**
 * Pulling an image from one of the team's repositories: the registry token (no resource-level permissions),
 * then the layers and the manifest.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-pull.html
 */
export function pullImageSteps(team: TeamResources, actor: WorkflowActor, repository: string): WorkflowStep[] {
  const resource = team.arn.ecr.repository({ name: repository }).value;
  return [
    { actor, action: "ecr:GetAuthorizationToken", resource: "*", context: {}, purpose: "get a registry token" },
    { actor, action: "ecr:BatchCheckLayerAvailability", resource, context: {}, purpose: `check the layers of ${repository}` },
    { actor, action: "ecr:GetDownloadUrlForLayer", resource, context: {}, purpose: `download the layers of ${repository}` },
    { actor, action: "ecr:BatchGetImage", resource, context: {}, purpose: `read the image manifest of ${repository}` },
  ];
}
