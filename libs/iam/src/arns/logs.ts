import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

type Part = pulumi.Input<string>;

/**
 * Builders of CloudWatch Logs ARNs in the scope's region and account.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
 */
export interface LogsArns {
  /**
   * A log group, or groups by pattern, with the trailing `:*` that IAM needs for every Logs action but
   * TagResource, UntagResource and ListTagsForResource (it also covers the group's streams).
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html
   */
  logGroup(parts: { name: Part }): Arn<"logs:log-group">;
  /** A log group's ARN without `:*`: only for TagResource, UntagResource and ListTagsForResource. */
  logGroupForTagging(parts: { name: Part }): Arn<"logs:log-group">;
  /** Streams of a log group: `log-group:${group}:log-stream:${stream}`, `stream: "*"` for all. */
  logStream(parts: { group: Part; stream: Part }): Arn<"logs:log-stream">;
}

/** CloudWatch Logs ARN builders for a scope. */
export function logsArns(scope: AwsScope): LogsArns {
  const arn = (resource: Part) => pulumi.interpolate`arn:${scope.partition}:logs:${scope.region}:${scope.account}:${resource}`;
  return {
    logGroup: (parts) => {
      const { name } = nonEmptyParts("logs log-group", parts);
      return { resourceType: "logs:log-group", value: arn(pulumi.interpolate`log-group:${name}:*`) };
    },
    logGroupForTagging: (parts) => {
      const { name } = nonEmptyParts("logs log-group", parts);
      return { resourceType: "logs:log-group", value: arn(pulumi.interpolate`log-group:${name}`) };
    },
    logStream: (parts) => {
      const { group, stream } = nonEmptyParts("logs log-stream", parts);
      return { resourceType: "logs:log-stream", value: arn(pulumi.interpolate`log-group:${group}:log-stream:${stream}`) };
    },
  };
}
