import { arnBuilders } from "../arns";
import { policyVariable } from "../policy-variable";
import { allow, type Statement } from "../statement";
import { teamLogGroupPrefix, teamTagKey } from "../team-conventions";
import type { ActivityContext } from "./activity-context";

/**
 * Reaches the team's instances through Session Manager: starts sessions on instances tagged `team` with the
 * account's shell document, and resumes and ends only one's own sessions (matched by the session's id tag,
 * which Identity Center sessions need: they have no `aws:username`).
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-examples.html
 */
export function sessionManagerSessions(context: ActivityContext): Statement[] {
  const { ec2, ssm } = arnBuilders(context.scope);
  return [
    allow({
      sid: "SessionsOnTeamInstances",
      actions: ["ssm:StartSession"],
      resources: [ec2.instance({ id: "*" })],
      conditions: { StringEquals: { [`ssm:resourceTag/${teamTagKey}`]: context.team } },
    }),
    allow({
      // The account's own copy of AWS's shell document, which holds the account's session preferences.
      sid: "SessionsWithTheShellDocument",
      actions: ["ssm:StartSession"],
      resources: [ssm.document({ name: "SSM-SessionManagerRunShell" })],
    }),
    allow({
      sid: "SessionsOwnOnly",
      actions: ["ssm:ResumeSession", "ssm:TerminateSession"],
      resources: [ssm.session({ id: "*" })],
      conditions: { StringLike: { "ssm:resourceTag/aws:ssmmessages:session-id": policyVariable("aws:userid") } },
    }),
    allow({
      sid: "SessionsDescribe",
      actions: ["ssm:DescribeSessions", "ssm:DescribeInstanceInformation"],
      resources: ["*"],
    }),
  ];
}

/**
 * What a training node needs as its instance role to be reached through Session Manager: register with Systems
 * Manager and open the session channels; and to write its logs under `/ml/<team>/`.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html
 */
export function sessionManagerInstance(context: ActivityContext): Statement[] {
  const { ec2, logs } = arnBuilders(context.scope);
  const group = `${teamLogGroupPrefix(context.team)}*`;
  return [
    allow({
      sid: "NodeRegistersWithSystemsManager",
      actions: ["ssm:UpdateInstanceInformation"],
      resources: [ec2.instance({ id: "*" })],
    }),
    allow({
      // The channel actions have no resource-level permissions.
      sid: "NodeOpensSessionChannels",
      actions: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      resources: ["*"],
    }),
    allow({
      sid: "NodeLogGroups",
      actions: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
      resources: [logs.logGroup({ name: group })],
    }),
    allow({
      sid: "NodeLogStreams",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [logs.logStream({ group, stream: "*" })],
    }),
  ];
}
