import type { AwsScope } from "../aws-scope";
import { teamNamePattern } from "../team-conventions";

/**
 * What every ML activity needs: where the team's resources live, and the team, whose name prefixes its
 * resources (`${team}-*`) and is the value of the `team` tag they carry.
 */
export interface ActivityContext {
  scope: AwsScope;
  team: string;
}

/**
 * The pattern that matches the names of the team's resources, `${team}-*`; throws when the team's name
 * could not be a resource name prefix. Tags, not names, decide ownership where the service supports them,
 * because team `ds` would otherwise match the resources of team `ds-vision`.
 */
export function teamNamePrefix(context: ActivityContext): string {
  return teamNamePattern(context.team);
}
