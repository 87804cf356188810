import { centralBoundary, type BoundaryConfig } from "./central-boundary";
import { describeResource, teamOf, type PolicyResource } from "./policy-resource";

/**
 * Every role of a team stack carries the central permissions boundary: it caps what the team's own
 * policies can grant, so a team role can never exceed what the platform allows teams. The central stack
 * is exempt (it creates the boundary, and roles that are the platform's).
 */
export function boundaryOnTeamRoles(resource: PolicyResource, config: BoundaryConfig = {}): string[] {
  if (resource.type !== "aws:iam/role:Role") return [];
  const team = teamOf(resource);
  if (team === undefined) return [];
  const boundary = centralBoundary(config);
  const arn = resource.props.permissionsBoundary;
  const what = `${describeResource(resource)} of the ${team} stack`;
  if (arn === undefined || arn === null || arn === "") {
    return [`${what} has no permissionsBoundary: every team role must carry the central boundary ${boundary.pattern}`];
  }
  if (typeof arn !== "string" || !boundary.matchesArn(arn)) {
    return [`${what} has permissionsBoundary ${String(arn)}, not the central boundary ${boundary.pattern}`];
  }
  return [];
}
