import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { sageMakerLogGroups } from "../team-conventions";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

/**
 * What SageMaker writes as the team's job or model role: the logs of the team's `<team>-*` jobs in SageMaker's
 * shared log groups (each job's streams are named after it), the log groups of the team's endpoints, and the
 * metrics of both under SageMaker's namespaces.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createtrainingjob-perms
 */
export function sageMakerLogs(context: ActivityContext): Statement[] {
  const { logs } = arnBuilders(context.scope);
  const team = teamNamePrefix(context);
  const shared = [sageMakerLogGroups.trainingJobs, sageMakerLogGroups.processingJobs, sageMakerLogGroups.transformJobs];
  const endpoints = `${sageMakerLogGroups.endpoints}/${team}`;
  return [
    allow({
      sid: "SageMakerLogGroups",
      actions: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
      resources: [...shared, endpoints].map((name) => logs.logGroup({ name })),
    }),
    allow({
      sid: "SageMakerLogStreams",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [...shared.map((group) => logs.logStream({ group, stream: team })), logs.logStream({ group: endpoints, stream: "*" })],
    }),
    allow({
      // PutMetricData has no resource-level permissions; the namespace is its only fence.
      sid: "SageMakerMetrics",
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      conditions: { StringLike: { "cloudwatch:namespace": "/aws/sagemaker/*" } },
    }),
  ];
}
