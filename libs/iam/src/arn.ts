import type * as pulumi from "@pulumi/pulumi";

/**
 * An ARN that carries its IAM resource type (`"s3:bucket"`, `"sagemaker:training-job"`), so statements
 * and activities can require the right kind of resource at compile time. Its value is a Pulumi Output in
 * stack programs, or plain text where every part is known (workflows, analysis).
 */
export interface Arn<T extends string = string, V extends pulumi.Output<string> | string = pulumi.Output<string>> {
  readonly resourceType: T;
  readonly value: V;
}

/** True when a value is a typed {@link Arn} rather than a plain string or Output. */
export function isArn(value: unknown): value is Arn {
  return typeof value === "object" && value !== null && "resourceType" in value && "value" in value;
}
