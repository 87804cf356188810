import type { RecordedResource } from "./recording-mocks";

/**
 * The IAM users a plan puts in a group without creating them. IAM has no user until something creates it, so
 * `pulumi up` of such a membership fails with NoSuchEntity in a fresh account, or silently grants whoever holds
 * that name in an old one: a group's members are created by the stack that names them.
 */
export function unplannedGroupMembers(resources: readonly RecordedResource[]): { membership: string; user: string }[] {
  const created = new Set(resources.filter((resource) => resource.type === "aws:iam/user:User").map((resource) => String(resource.outputs.name ?? resource.inputs.name)));
  const named = resources.flatMap((resource) => {
    if (resource.type === "aws:iam/groupMembership:GroupMembership") return ((resource.inputs.users as unknown[] | undefined) ?? []).map((user) => ({ membership: resource.name, user }));
    if (resource.type === "aws:iam/userGroupMembership:UserGroupMembership") return [{ membership: resource.name, user: resource.inputs.user }];
    return [];
  });
  return named.filter(({ user }) => !created.has(String(user))).map(({ membership, user }) => ({ membership, user: String(user) }));
}
