import type { TeamResources } from "../team-resources";
import type { WorkflowActor, WorkflowStep } from "../workflow";

/**
 * Writing a stream of a log group, creating both when they do not exist yet; Logs authorizes CreateLogGroup
 * and DescribeLogStreams on the group, CreateLogStream and PutLogEvents on the stream.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
 */
export function writeLogSteps(team: TeamResources, actor: WorkflowActor, group: string, stream: string): WorkflowStep[] {
  const logGroup = team.arn.logs.logGroup({ name: group }).value;
  const logStream = team.arn.logs.logStream({ group, stream }).value;
  return [
    { actor, action: "logs:CreateLogGroup", resource: logGroup, context: {}, purpose: `create ${group} if missing` },
    { actor, action: "logs:CreateLogStream", resource: logStream, context: {}, purpose: `create the stream ${stream}` },
    { actor, action: "logs:DescribeLogStreams", resource: logGroup, context: {}, purpose: `find the stream ${stream}` },
    { actor, action: "logs:PutLogEvents", resource: logStream, context: {}, purpose: `write to ${stream}` },
  ];
}

/** Following a stream: finding it in its group and reading its events. */
export function readLogSteps(team: TeamResources, actor: WorkflowActor, group: string, stream: string): WorkflowStep[] {
  return [
    { actor, action: "logs:DescribeLogStreams", resource: team.arn.logs.logGroup({ name: group }).value, context: {}, purpose: `list the streams of ${group}` },
    { actor, action: "logs:GetLogEvents", resource: team.arn.logs.logStream({ group, stream }).value, context: {}, purpose: `read ${stream}` },
  ];
}

/** Publishing metrics to a namespace: PutMetricData takes no resource, only the namespace condition. */
export function putMetricsStep(actor: WorkflowActor, namespace: string): WorkflowStep {
  return { actor, action: "cloudwatch:PutMetricData", resource: "*", context: { "cloudwatch:namespace": namespace }, purpose: `publish metrics to ${namespace}` };
}
