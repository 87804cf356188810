import type * as pulumi from "@pulumi/pulumi";

/**
 * An ARN that carries its IAM resource type (`"s3:bucket"`, `"sagemaker:training-job"`), so statements
 * and activities can require the right kind of resource at compile time.
 */
export interface Arn<T extends string = string> {
  readonly resourceType: T;
  readonly value: pulumi.Output<string>;
}

/** True when a value is a typed {@link Arn} rather than a plain string or Output. */
export function isArn(value: unknown): value is Arn {
  return typeof value === "object" && value !== null && "resourceType" in value && "value" in value;
}
