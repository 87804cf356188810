import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";

/** The resources of a team that its personas grant access to; each persona uses the ones it needs. */
export interface TeamResources {
  /** The roles SageMaker runs the team's jobs and models as: the roles people and Studio pass to SageMaker. */
  jobRoles: readonly Arn<"iam:role">[];
  /** The roles the team's SageMaker pipelines run as; without one, people cannot start pipelines. */
  pipelineRoles?: readonly Arn<"iam:role">[];
  /** Buckets of the team's datasets: read by people and jobs. */
  datasetBuckets: readonly pulumi.Input<string>[];
  /** Buckets of the team's artifacts (code, model outputs, checkpoints): written by jobs, read by people. */
  artifactBuckets: readonly pulumi.Input<string>[];
  /** The key prefix of the team's data in those buckets, ending in `/` (`team-a/`); whole buckets when left out. */
  s3KeyPrefix?: string;
  /** The Studio domain the team works in (`d-…`); without one, personas grant no Studio access. */
  studioDomainId?: pulumi.Input<string>;
  /** Repositories of the team's training and inference images, under `<team>/`. */
  ecrRepositories?: readonly Arn<"ecr:repository">[];
  /** Where jobs run when they run in a VPC. */
  vpc?: { subnets: readonly Arn<"ec2:subnet">[]; securityGroups: readonly Arn<"ec2:security-group">[] };
  /** Keys that encrypt the team's SSE-KMS buckets, volumes and outputs. */
  kmsKeys?: readonly Arn<"kms:key">[];
}
