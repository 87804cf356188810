import * as pulumi from "@pulumi/pulumi";
import { isTeamResourceName, teamRepositoryPrefix, type Arn, type TeamResources } from "@ml-iam/iam";
import { z } from "zod";
import { bucketName, ecrRepositoryName, iamUserName, kmsKeyArn, securityGroupId, subnetId } from "./config-schemas";
import { pgpPublicKey } from "./pgp-public-key";
import type { TeamStack } from "./stack-config";

/**
 * The config keys every team stack names its resources by, the same in every stack, so that workflows and the
 * boundary read them alike: the team's buckets (named `<team>-…`), its ECR repositories (under `<team>/`), its
 * VPC, its KMS keys and its people.
 */
export const teamResourcesConfigShape = {
  /** The team's datasets, read by people and jobs; named `<team>-…`. */
  datasetBuckets: z.array(bucketName).min(1),
  /** Where jobs read their code and write artifacts and checkpoints; named `<team>-…`. */
  artifactBuckets: z.array(bucketName).min(1),
  /** The team's ECR repositories, under `<team>/`. */
  ecrRepositories: z.array(ecrRepositoryName).default([]),
  /** The subnets the team's jobs and instances run in. */
  subnetIds: z.array(subnetId).default([]),
  /** The security groups of the team's jobs and instances. */
  securityGroupIds: z.array(securityGroupId).default([]),
  /** The KMS keys of the team's SSE-KMS buckets. */
  kmsKeyArns: z.array(kmsKeyArn).default([]),
  /** The team's people who sign in as IAM users, created by this stack (Identity Center is the default: identity:teams). */
  members: z.array(iamUserName).default([]),
  /** Each IAM user's PGP public key, which AWS encrypts the initial console password to. */
  pgpKeys: z.record(iamUserName, pgpPublicKey).default({}),
};

/** The team's resources as read from config with {@link teamResourcesConfigShape}. */
export type TeamResourcesConfig = z.infer<z.ZodObject<typeof teamResourcesConfigShape>>;

/**
 * Where a well-formed config value breaks the team's naming conventions: bucket names and repository paths.
 * Malformed values are left to the schema, so each value gets one problem.
 */
export function teamResourceConventionProblems(team: string, config: Partial<Record<string, unknown>>): { key: string; problem: string }[] {
  const problems: { key: string; problem: string }[] = [];
  for (const key of ["datasetBuckets", "artifactBuckets"]) {
    (Array.isArray(config[key]) ? (config[key] as unknown[]) : []).forEach((bucket, index) => {
      if (bucketName.safeParse(bucket).success && !isTeamResourceName(team, bucket as string)) {
        problems.push({ key: `${team}:${key}[${index}]`, problem: `must be named for the team, ${team}-…, got ${JSON.stringify(bucket)}` });
      }
    });
  }
  const repositories = Array.isArray(config.ecrRepositories) ? (config.ecrRepositories as unknown[]) : [];
  repositories.forEach((repository, index) => {
    if (ecrRepositoryName.safeParse(repository).success && !(repository as string).startsWith(teamRepositoryPrefix(team))) {
      problems.push({ key: `${team}:ecrRepositories[${index}]`, problem: `must be under ${teamRepositoryPrefix(team)}, got ${JSON.stringify(repository)}` });
    }
  });
  return problems;
}

/** What {@link teamResources} needs besides the config: the roles people and pipelines pass. */
export interface TeamResourcesArgs {
  stack: TeamStack;
  config: TeamResourcesConfig & { studioDomainId?: string };
  jobRoles: readonly Arn<"iam:role">[];
  pipelineRoles?: readonly Arn<"iam:role">[];
}

/** The team's resources as the personas take them: the config's names turned into typed ARNs. */
export function teamResources({ stack, config, jobRoles, pipelineRoles }: TeamResourcesArgs): TeamResources {
  const { ec2, ecr } = stack.arn;
  return {
    jobRoles,
    pipelineRoles,
    datasetBuckets: config.datasetBuckets,
    artifactBuckets: config.artifactBuckets,
    studioDomainId: config.studioDomainId,
    ecrRepositories: config.ecrRepositories.map((name) => ecr.repository({ name })),
    vpc:
      config.subnetIds.length > 0
        ? { subnets: config.subnetIds.map((id) => ec2.subnet({ id })), securityGroups: config.securityGroupIds.map((id) => ec2.securityGroup({ id })) }
        : undefined,
    kmsKeys: config.kmsKeyArns.map((arn) => ({ resourceType: "kms:key" as const, value: pulumi.output(arn) })),
  };
}
