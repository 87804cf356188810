import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/**
 * Builders of CloudWatch Logs ARNs in the scope's region and account.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
 */
export interface LogsArns<V extends ArnValue = pulumi.Output<string>> {
  /**
   * A log group, or groups by pattern, with the trailing `:*` that IAM needs for every Logs action but
   * TagResource, UntagResource and ListTagsForResource (it also covers the group's streams).
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html
   */
  logGroup(parts: { name: ArnPart<V> }): Arn<"logs:log-group", V>;
  /** A log group's ARN without `:*`: only for TagResource, UntagResource and ListTagsForResource. */
  logGroupForTagging(parts: { name: ArnPart<V> }): Arn<"logs:log-group", V>;
  /** Streams of a log group: `log-group:${group}:log-stream:${stream}`, `stream: "*"` for all. */
  logStream(parts: { group: ArnPart<V>; stream: ArnPart<V> }): Arn<"logs:log-stream", V>;
}

/** CloudWatch Logs ARN builders for a scope. */
export function logsArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): LogsArns<V> {
  const arn = (resource: ArnPart<V>) => t.join`arn:${scope.partition}:logs:${scope.region}:${scope.account}:${resource}`;
  return {
    logGroup: (parts) => {
      const { name } = nonEmptyParts("logs log-group", parts);
      return { resourceType: "logs:log-group", value: arn(t.join`log-group:${name}:*` as ArnPart<V>) };
    },
    logGroupForTagging: (parts) => {
      const { name } = nonEmptyParts("logs log-group", parts);
      return { resourceType: "logs:log-group", value: arn(t.join`log-group:${name}` as ArnPart<V>) };
    },
    logStream: (parts) => {
      const { group, stream } = nonEmptyParts("logs log-stream", parts);
      return { resourceType: "logs:log-stream", value: arn(t.join`log-group:${group}:log-stream:${stream}` as ArnPart<V>) };
    },
  };
}
