import type { ActivityContext } from "../activities/activity-context";
import { ecrPull } from "../activities/ecr-pull";
import { s3BucketAccess } from "../activities/s3-bucket-access";
import { sageMakerKms } from "../activities/sagemaker-kms";
import { sageMakerLogs } from "../activities/sagemaker-logs";
import { vpcNetworkInterfaces } from "../activities/vpc-network-interfaces";
import type { PersonaPolicies } from "./persona";
import type { TeamResources } from "./team-resources";

/**
 * The role SageMaker runs the team's jobs and models as: reads datasets, writes artifacts and checkpoints,
 * pulls the team's images, writes logs and metrics, and uses the team's VPC and KMS keys when it has them.
 * Configures the job role only.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html
 */
export function sageMakerCompute(context: ActivityContext, resources: TeamResources): PersonaPolicies {
  const prefix = resources.s3KeyPrefix;
  const images = resources.ecrRepositories?.length ? ecrPull(context, { repositories: resources.ecrRepositories }) : [];
  const network = resources.vpc ? vpcNetworkInterfaces(context, resources.vpc) : [];
  // Jobs read SSE-KMS buckets themselves, so S3 may use the keys as well as SageMaker.
  const keys = resources.kmsKeys?.length ? sageMakerKms(context, { keys: resources.kmsKeys, viaServices: ["sagemaker", "s3"] }) : [];
  return {
    job: [
      {
        name: "data",
        statements: [
          ...s3BucketAccess(context, { access: "read-only", buckets: resources.datasetBuckets, prefix }),
          ...s3BucketAccess(context, { access: "read-write", buckets: resources.artifactBuckets, prefix }),
          ...keys,
        ],
      },
      { name: "runtime", statements: [...images, ...sageMakerLogs(context), ...network] },
    ],
  };
}
