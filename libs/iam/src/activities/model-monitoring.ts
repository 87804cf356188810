import type { Arn } from "../arn";
import { arnBuilders } from "../arns";
import type { KnownAction } from "../generated/actions";
import { allow, type Statement } from "../statement";
import { teamNamePrefix, type ActivityContext } from "./activity-context";
import { passRole } from "./pass-role";

/** What {@link modelMonitoring} needs. */
export interface ModelMonitoringArgs {
  /** Roles the monitoring jobs run as; leave out when the persona grants {@link passRole} once for all its activities. */
  executionRoles?: readonly Arn<"iam:role">[];
}

const createActions = [
  "sagemaker:CreateMonitoringSchedule",
  "sagemaker:CreateDataQualityJobDefinition",
  "sagemaker:CreateModelQualityJobDefinition",
] as const satisfies readonly KnownAction[];

/**
 * Sets up Model Monitor for the team's endpoints: monitoring schedules and data-quality and model-quality
 * job definitions named `${team}-*` and tagged `team`.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor.html
 */
export function modelMonitoring(context: ActivityContext, args: ModelMonitoringArgs = {}): Statement[] {
  const name = teamNamePrefix(context);
  const { sagemaker } = arnBuilders(context.scope);
  const resources = [
    sagemaker.monitoringSchedule({ name }),
    sagemaker.dataQualityJobDefinition({ name }),
    sagemaker.modelQualityJobDefinition({ name }),
  ];
  return [
    allow({
      sid: "MonitoringCreate",
      actions: createActions,
      resources,
      conditions: { StringEquals: { "aws:RequestTag/team": context.team } },
    }),
    allow({
      // SageMaker authorizes a create request's tags as sagemaker:AddTags; TaggingAction keeps the grant
      // from retagging existing resources.
      sid: "MonitoringTagOnCreate",
      actions: ["sagemaker:AddTags"],
      resources,
      conditions: {
        StringEquals: {
          "aws:RequestTag/team": context.team,
          "sagemaker:TaggingAction": createActions.map((action) => action.replace("sagemaker:", "")),
        },
      },
    }),
    allow({
      sid: "MonitoringManage",
      actions: [
        "sagemaker:DescribeMonitoringSchedule",
        "sagemaker:UpdateMonitoringSchedule",
        "sagemaker:StartMonitoringSchedule",
        "sagemaker:StopMonitoringSchedule",
        "sagemaker:DeleteMonitoringSchedule",
        "sagemaker:DescribeDataQualityJobDefinition",
        "sagemaker:DeleteDataQualityJobDefinition",
        "sagemaker:DescribeModelQualityJobDefinition",
        "sagemaker:DeleteModelQualityJobDefinition",
      ],
      resources,
      conditions: { StringEquals: { "aws:ResourceTag/team": context.team } },
    }),
    allow({
      sid: "MonitoringList",
      actions: [
        "sagemaker:ListMonitoringSchedules",
        "sagemaker:ListMonitoringExecutions",
        "sagemaker:ListDataQualityJobDefinitions",
        "sagemaker:ListModelQualityJobDefinitions",
      ],
      resources: ["*"],
    }),
    ...(args.executionRoles ? passRole(context, { roles: args.executionRoles, sid: "MonitoringPassRole" }) : []),
  ];
}
