import { taggedFor } from "../request-context";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowStep } from "../workflow";

/**
 * A person builds an image and pushes it to the team's repository: `docker login` with a registry token, then
 * the layer uploads and the manifest, each on the existing repository and so with its `team` tag.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push.html
 */
export const pushImage = defineWorkflow({
  name: "push-image",
  title: "Build and push an image to the team's ECR repository",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html",
  ],
  steps: (team): WorkflowStep[] => {
    const repository = team.first("ecrRepositories");
    const resource = team.arn.ecr.repository({ name: repository }).value;
    const context = taggedFor(team.team);
    const push = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"] as const;
    return [
      { actor: "person", action: "ecr:GetAuthorizationToken", resource: "*", context: {}, purpose: "docker login" },
      ...push.map((action): WorkflowStep => ({ actor: "person", action, resource, context, purpose: `push to ${repository}` })),
      { actor: "person", action: "ecr:DescribeImages", resource, context, purpose: "see the pushed tag" },
    ];
  },
});
