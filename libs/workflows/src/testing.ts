import { TeamResources, type TeamResourcesArgs } from "./team-resources";
import type { WorkflowActor } from "./workflow";

/** The config of a sample team with every key a workflow reads, as a team stack's `Pulumi.dev.yaml` holds it. */
export const sampleConfig: Readonly<Record<string, unknown>> = {
  datasetBuckets: ["vision-datasets-dev"],
  artifactBuckets: ["vision-artifacts-dev"],
  ecrRepositories: ["vision/training"],
  subnetIds: ["subnet-0a1b2c3d4e5f60718"],
  securityGroupIds: ["sg-0c3d4e5f607182930"],
  kmsKeyArns: ["arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-4697-8877-665544332211"],
  studioDomainId: "d-sample1234",
  members: ["ana.vision", "ben.vision"],
  imageIds: ["ami-0a1b2c3d4e5f60001"],
  launchTemplateIds: ["lt-0a1b2c3d4e5f60001"],
};

const sampleRoles: Record<WorkflowActor, string> = {
  person: "arn:aws:iam::123456789012:role/ml/vision/vision-access",
  user: "arn:aws:iam::123456789012:user/ana.vision",
  studio: "arn:aws:iam::123456789012:role/ml/vision/vision-studio",
  job: "arn:aws:iam::123456789012:role/ml/vision/vision-job",
  pipeline: "arn:aws:iam::123456789012:role/ml/vision/vision-pipeline",
  model: "arn:aws:iam::123456789012:role/ml/vision/vision-job",
  instance: "arn:aws:iam::123456789012:role/ml/vision/vision-instance",
};

/** A sample team `vision` in eu-west-1 with every role and config key; `overrides` replaces parts of it. */
export function sampleTeam(overrides: Partial<TeamResourcesArgs> = {}): TeamResources {
  return new TeamResources({
    team: "vision",
    env: "dev",
    scope: { partition: "aws", region: "eu-west-1", account: "123456789012" },
    config: sampleConfig,
    central: {
      datasetBuckets: ["company-datasets-dev"],
      datasetKmsKeyArns: ["arn:aws:kms:eu-west-1:123456789012:key/9a8b7c6d-5e4f-4321-8abc-def012345678"],
      stateBucket: "company-pulumi-state",
      teams: ["central-ai", "vision", "speech", "search"],
    },
    roles: sampleRoles,
    ...overrides,
  });
}
