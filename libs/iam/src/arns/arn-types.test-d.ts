// Compiled by `typecheck`, never run: each @ts-expect-error fails the build if its line starts to compile.
import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { ArnBuilders } from "./index";

declare const arns: ArnBuilders;
declare function requireBucket(arn: Arn<"s3:bucket">): void;
declare function requireAnyArn(arn: Arn): void;

requireBucket(arns.s3.bucket({ name: "team-a-data" }));
requireAnyArn(arns.sagemaker.trainingJob({ name: pulumi.output("team-a-job") }));

// @ts-expect-error an object ARN is not a bucket ARN
requireBucket(arns.s3.object({ bucket: "team-a-data", key: "*" }));

// @ts-expect-error a training job ARN is not a bucket ARN
requireBucket(arns.sagemaker.trainingJob({ name: "team-a-data" }));

// @ts-expect-error builder names are camelCase: trainingJob
arns.sagemaker.trainingjob({ name: "team-a-job" });

// @ts-expect-error services are keyed by IAM prefix: s3, not S3
arns.S3.bucket({ name: "team-a-data" });

// @ts-expect-error a name part is a string, not a number
arns.sagemaker.trainingJob({ name: 42 });

// @ts-expect-error an Output<number> is not a name part either
arns.ec2.instance({ id: pulumi.output(42) });

// @ts-expect-error every part of a multi-part ARN is required
arns.s3.object({ bucket: "team-a-data" });

// @ts-expect-error the resource type of a built ARN cannot be changed
arns.s3.bucket({ name: "team-a-data" }).resourceType = "s3:object";
