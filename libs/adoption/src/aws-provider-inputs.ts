/**
 * What the AWS provider does with the inputs of the resource types adoption handles: which it can only
 * set by replacing the resource (ForceNew in the provider's schema; IAM has no API to rename a role or a
 * policy, or to move either to another path) and which it defaults when a program leaves them out.
 * https://www.pulumi.com/registry/packages/aws/api-docs/iam/
 */
const replacedOnChange: Record<string, readonly string[]> = {
  "aws:iam/role:Role": ["name", "namePrefix", "path"],
  // A managed policy's description cannot be updated either: changing it replaces the policy.
  "aws:iam/policy:Policy": ["name", "namePrefix", "path", "description"],
  "aws:iam/instanceProfile:InstanceProfile": ["name", "namePrefix", "path"],
  // Groups and users are renamed and moved in place (UpdateGroup, UpdateUser).
  "aws:iam/group:Group": [],
  "aws:iam/user:User": [],
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["role", "policyArn"],
  "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": ["group", "policyArn"],
  "aws:iam/userPolicyAttachment:UserPolicyAttachment": ["user", "policyArn"],
  "aws:iam/rolePolicy:RolePolicy": ["name", "namePrefix", "role"],
  "aws:iam/groupPolicy:GroupPolicy": ["name", "namePrefix", "group"],
  "aws:iam/userPolicy:UserPolicy": ["name", "namePrefix", "user"],
  "aws:iam/groupMembership:GroupMembership": ["name", "group"],
  "aws:identitystore/group:Group": ["identityStoreId"],
  "aws:identitystore/groupMembership:GroupMembership": ["identityStoreId", "groupId", "memberId"],
  "aws:ssoadmin/permissionSet:PermissionSet": ["instanceArn", "name"],
};

/** The provider's defaults: an input left out and an input set to its default are the same resource. */
const defaults: Record<string, Readonly<Record<string, unknown>>> = {
  "aws:iam/role:Role": { path: "/", maxSessionDuration: 3600, forceDetachPolicies: false, description: "" },
  "aws:iam/policy:Policy": { path: "/", description: "" },
  "aws:iam/group:Group": { path: "/" },
  "aws:iam/user:User": { path: "/", forceDestroy: false },
  "aws:iam/instanceProfile:InstanceProfile": { path: "/" },
};

/** Inputs never compared: bookkeeping of the Pulumi state, and tags the provider's default tags manage. */
const ignoredInputs = new Set(["__defaults", "tags", "tagsAll"]);

/** Whether changing this input replaces the resource (delete and create) instead of updating it. */
export function replacesOnChange(type: string, input: string): boolean {
  return replacedOnChange[type]?.includes(input) ?? false;
}

/** The provider's default of an input, or undefined when it has none. */
export function providerDefault(type: string, input: string): unknown {
  return defaults[type]?.[input];
}

/** Whether adoption compares this input at all. */
export function isComparedInput(input: string): boolean {
  return !ignoredInputs.has(input);
}
