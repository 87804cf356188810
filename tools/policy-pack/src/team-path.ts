import { teamIamPath } from "@ml-iam/iam";
import { describeResource, teamOf, type PolicyResource } from "./policy-resource";

/** The IAM resources that have a path (`/` when none is given). */
export const pathTypes: readonly string[] = [
  "aws:iam/role:Role",
  "aws:iam/policy:Policy",
  "aws:iam/user:User",
  "aws:iam/group:Group",
  "aws:iam/instanceProfile:InstanceProfile",
];

/**
 * A team stack's IAM resources live under its team's path `/ml/<team>/` (or a path under it): the
 * boundary and the team's deploy role scope IAM by path, so a resource outside it escapes them, and one
 * under another team's path is that team's. The team is the stack's Pulumi project; the central stack is exempt.
 */
export function teamPath(resource: PolicyResource): string[] {
  if (!pathTypes.includes(resource.type)) return [];
  const team = teamOf(resource);
  if (team === undefined) return [];
  const expected = teamIamPath(team);
  const path = resource.props.path ?? "/";
  if (typeof path === "string" && path.startsWith(expected)) return [];
  return [
    `${describeResource(resource)} of the ${team} stack is at path ${JSON.stringify(path)}: ` +
      `the IAM resources of a team stack belong under the team's path ${expected}`,
  ];
}
