import type { AwsScope } from "../aws-scope";

/**
 * What every ML activity needs: where the team's resources live, and the team, whose name prefixes its
 * resources (`${team}-*`) and is the value of the `team` tag they carry.
 */
export interface ActivityContext {
  scope: AwsScope;
  team: string;
}

// SageMaker names allow 63 characters; 32 for the team leaves room for `-<purpose>` after the prefix.
// Lowercase only: S3 and ECR names must be, and SageMaker reports some ARNs lowercased.
const teamNamePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maxTeamNameLength = 32;

/**
 * The pattern that matches the names of the team's resources, `${team}-*`; throws when the team's name
 * could not be a resource name prefix. Tags, not names, decide ownership where the service supports them,
 * because team `ds` would otherwise match the resources of team `ds-vision`.
 */
export function teamNamePrefix(context: ActivityContext): string {
  if (!teamNamePattern.test(context.team) || context.team.length > maxTeamNameLength) {
    throw new Error(
      `team must be 1-32 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got ${JSON.stringify(context.team)}`,
    );
  }
  return `${context.team}-*`;
}
