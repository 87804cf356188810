import { studioUserProfileName, teamIamPath } from "@ml-iam/iam";
import { passedTo, studioProfileTags, taggedFor } from "../request-context";
import type { TeamResources } from "../team-resources";
import { defineWorkflow } from "../workflow-definition";
import type { WorkflowActor, WorkflowStep } from "../workflow";

/** Every request one actor must never get on another team's resources. */
function crossTeamSteps(team: TeamResources, actor: WorkflowActor, other: string): WorkflowStep[] {
  const { s3, ecr, sagemaker, ec2, iam, logs } = team.arn;
  const theirs = taggedFor(other);
  const bucket = `${other}-artifacts-${team.env}`;
  const job = sagemaker.trainingJob({ name: `${other}-train` }).value;
  const endpoint = sagemaker.endpoint({ name: `${other}-endpoint` }).value;
  const repository = ecr.repository({ name: `${other}/training` }).value;
  const role = iam.role({ name: `${other}-job`, path: teamIamPath(other) }).value;
  const steps: [WorkflowStep["action"], string, WorkflowStep["context"], string][] = [
    ["s3:GetObject", s3.object({ bucket, key: "models/model.tar.gz" }).value, {}, "read their artifacts"],
    ["s3:PutObject", s3.object({ bucket, key: "models/model.tar.gz" }).value, {}, "overwrite their artifacts"],
    ["s3:ListBucket", s3.bucket({ name: bucket }).value, {}, "list their bucket"],
    ["ecr:BatchGetImage", repository, theirs, "pull their image"],
    ["ecr:PutImage", repository, theirs, "push to their repository"],
    ["sagemaker:DescribeTrainingJob", job, theirs, "describe their job"],
    ["sagemaker:StopTrainingJob", job, theirs, "stop their job"],
    ["sagemaker:InvokeEndpoint", endpoint, theirs, "invoke their endpoint"],
    ["sagemaker:DeleteEndpoint", endpoint, theirs, "delete their endpoint"],
    ["sagemaker:UpdateEndpoint", endpoint, theirs, "change their endpoint"],
    ["ec2:TerminateInstances", ec2.instance({ id: "i-0fedcba9876543210" }).value, theirs, "terminate their instance"],
    ["ec2:StopInstances", ec2.instance({ id: "i-0fedcba9876543210" }).value, theirs, "stop their instance"],
    ["iam:PassRole", role, passedTo("sagemaker.amazonaws.com"), "pass their role to SageMaker"],
    ["iam:PassRole", role, passedTo("ec2.amazonaws.com"), "pass their role to EC2"],
    ["iam:PutRolePolicy", role, {}, "change their role"],
    ["iam:AttachRolePolicy", role, { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" }, "make their role an admin"],
    ["logs:GetLogEvents", logs.logStream({ group: "/aws/sagemaker/TrainingJobs", stream: `${other}-train/algo-1-1764806400` }).value, {}, "read their job's logs"],
  ];
  const domainId = team.optionalValue("studioDomainId");
  if (domainId !== undefined) {
    const profile = sagemaker.userProfile({ domainId, name: studioUserProfileName(other, "erin") }).value;
    steps.push(["sagemaker:CreatePresignedDomainUrl", profile, taggedFor(other, studioProfileTags(other, "erin")), "open their Studio profile"]);
  }
  return steps.map(([action, resource, context, purpose]) => ({ actor, action, resource, context, purpose: `${purpose} (${other})` }));
}

/** A person of the team must never open a colleague's Studio profile, which runs as the same role but holds their work. */
function colleagueProfileSteps(team: TeamResources, actor: WorkflowActor): WorkflowStep[] {
  // Only a team with Studio has profiles, and only then must it name its people.
  const domainId = team.optionalValue("studioDomainId");
  if (domainId === undefined || actor !== "person") return [];
  const colleague = team.people()[1];
  if (colleague === undefined) return [];
  const name = studioUserProfileName(team.team, colleague);
  return [
    {
      actor,
      action: "sagemaker:CreatePresignedDomainUrl",
      resource: team.arn.sagemaker.userProfile({ domainId, name }).value,
      context: taggedFor(team.team, studioProfileTags(team.team, colleague)),
      purpose: `open a colleague's Studio profile (${name})`,
    },
  ];
}

/**
 * No principal of the team may touch another team's buckets, images, jobs, endpoints, Studio profiles,
 * instances or roles (checked against two other teams of the env, whatever their number), nor a person a
 * colleague's Studio profile.
 */
export const neverCrossTeams = defineWorkflow({
  name: "never-cross-teams",
  title: "Never touch another team's buckets, images, jobs, endpoints, profiles, instances or roles",
  expect: "denied",
  sources: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html"],
  steps: (team) => [
    ...team.otherTeams().flatMap((other) => team.actors().flatMap((actor) => crossTeamSteps(team, actor, other))),
    ...team.actors().flatMap((actor) => colleagueProfileSteps(team, actor)),
  ],
});

/** No principal of a team may write or delete the shared datasets. */
export const neverWriteSharedDatasets = defineWorkflow({
  name: "never-write-shared-datasets",
  title: "Never write or delete the shared datasets",
  expect: "denied",
  sources: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html"],
  steps: (team) =>
    team.sharedDatasetBuckets().flatMap((bucket) =>
      team.actors().flatMap((actor): WorkflowStep[] => [
        { actor, action: "s3:PutObject", resource: team.arn.s3.object({ bucket, key: "curated/train/part-00000.parquet" }).value, context: {}, purpose: `overwrite ${bucket}` },
        { actor, action: "s3:DeleteObject", resource: team.arn.s3.object({ bucket, key: "curated/train/part-00000.parquet" }).value, context: {}, purpose: `delete from ${bucket}` },
        { actor, action: "s3:PutBucketPolicy", resource: team.arn.s3.bucket({ name: bucket }).value, context: {}, purpose: `change ${bucket}'s policy` },
      ]),
    ),
});

/** No principal of a team may read the deploy state, which holds every stack's outputs and secrets' ciphertext. */
export const neverReadDeployState = defineWorkflow({
  name: "never-read-deploy-state",
  title: "Never read the Pulumi deploy state",
  expect: "denied",
  sources: ["https://www.pulumi.com/docs/iac/concepts/state-and-backends/#aws-s3"],
  steps: (team) => {
    const bucket = team.central.stateBucket;
    if (bucket === undefined) return [];
    return team.actors().flatMap((actor): WorkflowStep[] => [
      { actor, action: "s3:ListBucket", resource: team.arn.s3.bucket({ name: bucket }).value, context: {}, purpose: "list the state" },
      { actor, action: "s3:GetObject", resource: team.arn.s3.object({ bucket, key: `.pulumi/stacks/${team.team}/${team.env}.json` }).value, context: {}, purpose: "read a stack's state" },
    ]);
  },
});
