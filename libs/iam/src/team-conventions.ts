/**
 * The conventions every team follows, in one place: how a team is named, where its IAM resources live, how
 * its AWS resources are named and tagged. Policies, stacks, workflows, the boundary, the policy pack and CI
 * read them here, so a pattern that fences one team from another is written once.
 */

/** The tag every team principal and every team resource carries, naming the team. */
export const teamTagKey = "team";

/** The session tag naming the person behind a session: `${aws:PrincipalTag/person}`, a Studio profile's tag. */
export const personTagKey = "person";

/** The central team's stack, which owns the boundary, the shared policies and the delivery roles. */
export const centralTeam = "central-ai";

// SageMaker names allow 63 characters; 32 for the team leaves room for `-<purpose>` after the prefix.
// Lowercase only: S3 and ECR names must be, and SageMaker reports some ARNs lowercased.
/** What a team (and so a stack) name looks like: kebab-case, lowercase letters and digits, starting with a letter. */
export const teamNameSyntax = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** The longest team name: its IAM, SageMaker and S3 names stay within AWS's limits. */
export const maxTeamNameLength = 32;

/** Why a team name is not one (an empty list when it is): kebab-case, at most 32 characters. */
export function teamNameProblems(team: string): string[] {
  const problems: string[] = [];
  if (!teamNameSyntax.test(team)) problems.push("must be kebab-case: lowercase letters and digits in words joined by single hyphens, starting with a letter (e.g. data-scientists)");
  if (team.length > maxTeamNameLength) problems.push(`must be at most ${maxTeamNameLength} characters, got ${team.length}`);
  return problems;
}

/** Returns the team name, or throws naming what is wrong with it. */
export function checkTeamName(team: string): string {
  const problems = teamNameProblems(team);
  if (problems.length > 0) throw new Error(`team ${problems.join("; ")}, got ${JSON.stringify(team)}`);
  return team;
}

/** The IAM path under which every team's principals and policies live, one folder per team: `/ml/`. */
export const teamsIamPath = "/ml/";

/** The IAM path of every principal, policy and instance profile of a team: `/ml/<team>/`. */
export function teamIamPath(team: string): string {
  return `${teamsIamPath}${checkTeamName(team)}/`;
}

/**
 * The pattern of the names of the team's SageMaker resources, buckets, placement groups and log streams,
 * `<team>-*`. Tags, not names, decide ownership where the service supports them: team `ds` would otherwise
 * match the resources of a team named `ds-vision`.
 */
export function teamNamePattern(team: string): string {
  return `${checkTeamName(team)}-*`;
}

/** Whether a resource name (bucket, job, placement group) follows the team's naming, `<team>-…`. */
export function isTeamResourceName(team: string, name: string): boolean {
  return name.startsWith(`${team}-`) && name.length > team.length + 1;
}

/** The team's ECR repositories live under `<team>/`: `<team>/training`, `<team>/inference`. */
export function teamRepositoryPrefix(team: string): string {
  return `${checkTeamName(team)}/`;
}

/** The team's own CloudWatch Logs groups: `/ml/<team>/…` (training nodes, scripts). */
export function teamLogGroupPrefix(team: string): string {
  return `/ml/${checkTeamName(team)}/`;
}

/**
 * The log groups SageMaker writes a job's or endpoint's logs to; each stream is named after the job or
 * endpoint (`<job>/algo-1-…`), so `<team>-*` streams are the team's.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html
 */
export const sageMakerLogGroups = {
  trainingJobs: "/aws/sagemaker/TrainingJobs",
  processingJobs: "/aws/sagemaker/ProcessingJobs",
  transformJobs: "/aws/sagemaker/TransformJobs",
  endpoints: "/aws/sagemaker/Endpoints",
} as const;

/**
 * A person's Studio user profile in the team's domain, `<team>-<person>`: profile names allow letters, digits
 * and hyphens only, so every other character of the person's user name becomes a hyphen.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateUserProfile.html
 */
export function studioUserProfileName(team: string, person: string): string {
  const name = `${checkTeamName(team)}-${person.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "")}`;
  if (name.length > 63) throw new Error(`Studio user profile ${name} is ${name.length} characters; SageMaker allows 63: shorten the person's user name`);
  return name;
}

/** The name of the permissions boundary central-ai creates; `<central-ai>[-<env>]-team-boundary` under its path. */
export function centralBoundaryName(env: string, sharedAccount: boolean): string {
  return [centralTeam, sharedAccount ? env : undefined, "team-boundary"].filter(Boolean).join("-");
}

/** The boundary's ARN in an account, known before deploy: every team principal carries it. */
export function centralBoundaryArn(scope: { partition: string; account: string }, env: string, sharedAccount = false): string {
  return `arn:${scope.partition}:iam::${scope.account}:policy${teamIamPath(centralTeam)}${centralBoundaryName(env, sharedAccount)}`;
}

/** The config file of a stack's env, relative to the workspace: `stacks/<stack>/Pulumi.<env>.yaml`. */
export function stackConfigFile(stack: string, env: string): string {
  return `stacks/${stack}/Pulumi.${env}.yaml`;
}
