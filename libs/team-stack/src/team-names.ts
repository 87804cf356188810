import { teamIamPath } from "@ml-iam/iam";

/** How a team's IAM resources are named: under `/ml/<team>/`, `<team>[-<env>]-<purpose>`. */
export interface TeamNames {
  team: string;
  /** The IAM path of every principal and policy of the team, so permissions can be scoped by path. */
  path: string;
  /** The explicit name of a team resource, known before deploy. */
  resourceName(purpose: string): string;
}

/** IAM role names are limited to 64 characters. */
export const maxRoleNameLength = 64;

/**
 * Names for a team. The env joins the name only when several envs share one account, where the
 * names would otherwise collide.
 */
export function teamNames(team: string, env: string, sharedAccount: boolean): TeamNames {
  return {
    team,
    // Read on use: the conventions refuse a name that is no team's, and a name too long for IAM meets resourceName's own error first.
    get path() {
      return teamIamPath(team);
    },
    resourceName(purpose) {
      const name = [team, sharedAccount ? env : undefined, purpose].filter(Boolean).join("-");
      if (name.length > maxRoleNameLength) {
        throw new Error(`name ${name} is ${name.length} characters; IAM allows ${maxRoleNameLength}: shorten the team or purpose`);
      }
      return name;
    },
  };
}
