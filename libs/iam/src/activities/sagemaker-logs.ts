import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/**
 * Writes the CloudWatch logs of SageMaker jobs and endpoints, under the `/aws/sagemaker/` log groups only.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html
 */
export function sageMakerLogs(context: ActivityContext): Statement[] {
  const { logs } = arnBuilders(context.scope);
  const group = "/aws/sagemaker/*";
  return [
    allow({
      sid: "SageMakerLogGroups",
      actions: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
      resources: [logs.logGroup({ name: group })],
    }),
    allow({
      sid: "SageMakerLogStreams",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [logs.logStream({ group, stream: "*" })],
    }),
  ];
}
