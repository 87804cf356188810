import type { AwsScope } from "../aws-scope";
import { ec2Arns, type Ec2Arns } from "./ec2";
import { ecrArns, type EcrArns } from "./ecr";
import { iamArns, type IamArns } from "./iam";
import { identityStoreArns, type IdentityStoreArns } from "./identitystore";
import { kmsArns, type KmsArns } from "./kms";
import { logsArns, type LogsArns } from "./logs";
import { s3Arns, type S3Arns } from "./s3";
import { sageMakerArns, type SageMakerArns } from "./sagemaker";
import { ssoArns, type SsoArns } from "./sso";

export type { Ec2Arns, EcrArns, IamArns, IdentityStoreArns, KmsArns, LogsArns, S3Arns, SageMakerArns, SsoArns };
export type { IamNameWithPath } from "./iam";

/** Typed ARN builders of every supported service, keyed by IAM service prefix. */
export interface ArnBuilders {
  s3: S3Arns;
  sagemaker: SageMakerArns;
  ecr: EcrArns;
  logs: LogsArns;
  ec2: Ec2Arns;
  iam: IamArns;
  kms: KmsArns;
  identitystore: IdentityStoreArns;
  sso: SsoArns;
}

/**
 * ARN builders that fill in the scope's partition, region and account:
 * `arnBuilders(scope).sagemaker.trainingJob({ name: "team-a-*" })`.
 */
export function arnBuilders(scope: AwsScope): ArnBuilders {
  return {
    s3: s3Arns(scope),
    sagemaker: sageMakerArns(scope),
    ecr: ecrArns(scope),
    logs: logsArns(scope),
    ec2: ec2Arns(scope),
    iam: iamArns(scope),
    kms: kmsArns(scope),
    identitystore: identityStoreArns(scope),
    sso: ssoArns(scope),
  };
}
