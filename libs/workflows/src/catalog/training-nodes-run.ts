import { teamLogGroupPrefix } from "@ml-iam/iam";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowStep } from "../workflow";
import { writeLogSteps } from "./logs-steps";
import { readObjectSteps, writeObjectSteps } from "./s3-steps";

/**
 * Training nodes run as the instance role: EC2 hands them its credentials; they read the datasets, write
 * checkpoints to the team's bucket and logs under `/ml/<team>/`, and register with Systems Manager so that
 * people reach them through Session Manager, whose session a person starts on a team-tagged instance.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-examples.html
 */
export const trainingNodesRun = defineWorkflow({
  name: "training-nodes-run",
  title: "Training nodes read datasets, write checkpoints and logs, take Session Manager sessions",
  expect: "allowed",
  sources: [
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-restrict-access-examples.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms",
  ],
  steps: (team): WorkflowStep[] => {
    const instance = team.arn.ec2.instance({ id: "i-0a1b2c3d4e5f60718" }).value;
    const checkpoints = team.first("artifactBuckets");
    const teamKeys = team.optionalList("kmsKeyArns");
    const channels = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"] as const;
    return [
      {
        actor: { service: "ec2.amazonaws.com", assumes: "instance" },
        action: "sts:AssumeRole",
        resource: team.role("instance"),
        context: { "aws:SourceAccount": team.scope.account },
        purpose: "EC2 takes the instance role for the instance profile",
      },
      ...readObjectSteps(team, "instance", team.first("datasetBuckets"), "train/shard-00000.tar", teamKeys),
      ...writeObjectSteps(team, "instance", checkpoints, "checkpoints/run-1/step-1000.pt", "write a checkpoint", teamKeys),
      ...writeLogSteps(team, "instance", `${teamLogGroupPrefix(team.team)}training`, "i-0a1b2c3d4e5f60718/torchrun"),
      { actor: "instance", action: "ssm:UpdateInstanceInformation", resource: instance, context: {}, purpose: "register with Systems Manager" },
      ...channels.map((action): WorkflowStep => ({ actor: "instance", action, resource: "*", context: {}, purpose: "open Session Manager's channels" })),
      {
        actor: "person",
        action: "ssm:StartSession",
        resource: instance,
        context: { "ssm:resourceTag/team": team.team, "aws:ResourceTag/team": team.team },
        purpose: "start a session on the team's node",
      },
      { actor: "person", action: "ssm:StartSession", resource: team.arn.ssm.document({ name: "SSM-SessionManagerRunShell" }).value, context: {}, purpose: "with Session Manager's preferences" },
    ];
  },
});
