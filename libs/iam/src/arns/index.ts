import type * as pulumi from "@pulumi/pulumi";
import type { AwsScope } from "../aws-scope";
import { outputInterpolation, textInterpolation, type ArnInterpolation, type ArnScope, type ArnValue } from "./arn-interpolation";
import { ec2Arns, type Ec2Arns } from "./ec2";
import { ecrArns, type EcrArns } from "./ecr";
import { iamArns, type IamArns } from "./iam";
import { identityStoreArns, type IdentityStoreArns } from "./identitystore";
import { kmsArns, type KmsArns } from "./kms";
import { logsArns, type LogsArns } from "./logs";
import { s3Arns, type S3Arns } from "./s3";
import { sageMakerArns, type SageMakerArns } from "./sagemaker";
import { ssmArns, type SsmArns } from "./ssm";
import { ssoArns, type SsoArns } from "./sso";

export type { Ec2Arns, EcrArns, IamArns, IdentityStoreArns, KmsArns, LogsArns, S3Arns, SageMakerArns, SsmArns, SsoArns };
export type { IamNameWithPath } from "./iam";
export type { ArnPart, ArnScope, ArnValue } from "./arn-interpolation";

/** Typed ARN builders of every supported service, keyed by IAM service prefix; values are Outputs or text. */
export interface ArnBuilders<V extends ArnValue = pulumi.Output<string>> {
  s3: S3Arns<V>;
  sagemaker: SageMakerArns<V>;
  ecr: EcrArns<V>;
  logs: LogsArns<V>;
  ec2: Ec2Arns<V>;
  iam: IamArns<V>;
  kms: KmsArns<V>;
  ssm: SsmArns<V>;
  identitystore: IdentityStoreArns<V>;
  sso: SsoArns<V>;
}

/** The builders of one value kind: the same ARN formats whether they end up Outputs or text. */
function buildersWith<V extends ArnValue>(scope: ArnScope<V>, t: ArnInterpolation<V>): ArnBuilders<V> {
  return {
    s3: s3Arns(scope, t),
    sagemaker: sageMakerArns(scope, t),
    ecr: ecrArns(scope, t),
    logs: logsArns(scope, t),
    ec2: ec2Arns(scope, t),
    iam: iamArns(scope, t),
    kms: kmsArns(scope, t),
    ssm: ssmArns(scope, t),
    identitystore: identityStoreArns(scope, t),
    sso: ssoArns(scope, t),
  };
}

/**
 * ARN builders that fill in the scope's partition, region and account, as Outputs for stack programs:
 * `arnBuilders(scope).sagemaker.trainingJob({ name: "team-a-*" })`.
 */
export function arnBuilders(scope: AwsScope): ArnBuilders {
  return buildersWith(scope, outputInterpolation);
}

/** The same builders producing plain text, where every part is known: workflows and analysis over plans. */
export function arnTexts(scope: ArnScope<string>): ArnBuilders<string> {
  return buildersWith(scope, textInterpolation);
}
