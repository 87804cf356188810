import { isTeamResourceName } from "@ml-iam/iam";
import type { TeamsRegistry } from "./teams-registry";

/**
 * Where a platform bucket (a shared dataset, the deploy state) is named like a team's own, `<team>-…`: the central
 * boundary gives every team all of its own buckets by that name, so such a bucket would be that team's to write.
 */
export function platformBucketNameProblems(registry: TeamsRegistry, buckets: Record<string, readonly string[]>): { key: string; problem: string }[] {
  return Object.entries(buckets).flatMap(([key, names]) =>
    names.flatMap((name, index) =>
      registry.teams
        .filter((team) => isTeamResourceName(team.stack, name))
        .map((team) => ({ key: `${key}[${index}]`, problem: `${name} is named like a bucket of ${team.stack} (${team.stack}-…), which the boundary lets that team write: rename it` })),
    ),
  );
}
