import { arnBuilders } from "../arns";
import { allow, type Statement } from "../statement";
import { sageMakerLogGroups, teamLogGroupPrefix } from "../team-conventions";
import { teamNamePrefix, type ActivityContext } from "./activity-context";

/**
 * Follows the team's jobs and endpoints in CloudWatch Logs: the streams SageMaker names after the team's
 * `<team>-*` jobs in its shared log groups, the groups of the team's endpoints, and the team's own groups.
 * Only stream names are listed in the shared groups; FilterLogEvents, which reads every team's events of a
 * group at once, is left out.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html
 */
export function readJobLogs(context: ActivityContext): Statement[] {
  const { logs } = arnBuilders(context.scope);
  const team = teamNamePrefix(context);
  const shared = [sageMakerLogGroups.trainingJobs, sageMakerLogGroups.processingJobs, sageMakerLogGroups.transformJobs];
  const own = [`${sageMakerLogGroups.endpoints}/${team}`, `${teamLogGroupPrefix(context.team)}*`];
  return [
    allow({
      sid: "LogsListStreams",
      actions: ["logs:DescribeLogStreams"],
      resources: [...shared, ...own].map((name) => logs.logGroup({ name })),
    }),
    allow({
      sid: "LogsReadTeamStreams",
      actions: ["logs:GetLogEvents"],
      resources: [
        ...shared.map((group) => logs.logStream({ group, stream: team })),
        ...own.map((group) => logs.logStream({ group, stream: "*" })),
      ],
    }),
  ];
}
