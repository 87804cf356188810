import { createHash } from "node:crypto";

/** The account and partition the plan assigns identifiers in. */
export interface PlanScope {
  partition: string;
  region: string;
  account: string;
}

/** A short stable hash, so plan-assigned identifiers are the same on every run. */
export function stableSuffix(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 8);
}

/** The physical name Pulumi would give a resource without an explicit name: logical name plus a suffix. */
function physicalName(name: string, inputs: Record<string, unknown>): string {
  if (typeof inputs.name === "string") return inputs.name;
  if (typeof inputs.namePrefix === "string") return `${inputs.namePrefix}${stableSuffix(name)}`;
  return `${name}-${stableSuffix(name)}`;
}

function iamPath(inputs: Record<string, unknown>): string {
  return typeof inputs.path === "string" ? inputs.path : "/";
}

/**
 * The identifiers AWS would assign a resource (id, name, arn, unique ids), computed from its inputs so
 * that policies and attachments in the plan link up exactly as they will in the account.
 */
export function assignIdentity(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  scope: PlanScope,
): { id: string; outputs: Record<string, unknown> } {
  const iamArn = (kind: string, resourceName: string) =>
    `arn:${scope.partition}:iam::${scope.account}:${kind}${iamPath(inputs)}${resourceName}`;
  switch (type) {
    case "aws:iam/role:Role": {
      const roleName = physicalName(name, inputs);
      return { id: roleName, outputs: { name: roleName, arn: iamArn("role", roleName), uniqueId: `AROA${stableSuffix(roleName).toUpperCase()}` } };
    }
    case "aws:iam/policy:Policy": {
      const policyName = physicalName(name, inputs);
      const arn = iamArn("policy", policyName);
      return { id: arn, outputs: { name: policyName, arn, policyId: `ANPA${stableSuffix(policyName).toUpperCase()}` } };
    }
    case "aws:iam/group:Group": {
      const groupName = physicalName(name, inputs);
      return { id: groupName, outputs: { name: groupName, arn: iamArn("group", groupName), uniqueId: `AGPA${stableSuffix(groupName).toUpperCase()}` } };
    }
    case "aws:iam/user:User": {
      const userName = physicalName(name, inputs);
      return { id: userName, outputs: { name: userName, arn: iamArn("user", userName), uniqueId: `AIDA${stableSuffix(userName).toUpperCase()}` } };
    }
    // With a PGP key AWS hands back only the password encrypted to it, never the password itself.
    // https://www.pulumi.com/registry/packages/aws/api-docs/iam/userloginprofile/
    case "aws:iam/userLoginProfile:UserLoginProfile": {
      const user = String(inputs.user ?? name);
      return { id: user, outputs: { encryptedPassword: `plan-encrypted-password-${stableSuffix(user, String(inputs.pgpKey))}`, keyFingerprint: `plan-${stableSuffix(String(inputs.pgpKey))}` } };
    }
    case "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
      const host = String(inputs.url ?? "").replace(/^https:\/\//, "");
      const arn = `arn:${scope.partition}:iam::${scope.account}:oidc-provider/${host}`;
      return { id: arn, outputs: { arn } };
    }
    case "aws:identitystore/group:Group": {
      const groupId = `plan-${stableSuffix(String(inputs.displayName ?? name))}`;
      return { id: `${inputs.identityStoreId}/${groupId}`, outputs: { groupId } };
    }
    case "aws:identitystore/groupMembership:GroupMembership": {
      const membershipId = `plan-${stableSuffix(String(inputs.groupId), String(inputs.memberId))}`;
      return { id: `${inputs.identityStoreId}/${membershipId}`, outputs: { membershipId } };
    }
    case "aws:ssoadmin/permissionSet:PermissionSet": {
      const instanceId = String(inputs.instanceArn ?? "").split("/").pop();
      const arn = `arn:${scope.partition}:sso:::permissionSet/${instanceId}/ps-${stableSuffix(String(inputs.name ?? name))}${stableSuffix(name)}`;
      return { id: `${arn},${inputs.instanceArn}`, outputs: { arn } };
    }
    // The provider's ids of a permission set's parts and assignments: their identifying inputs, comma-joined.
    case "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy":
    case "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment":
      return { id: `${inputs.permissionSetArn},${inputs.instanceArn}`, outputs: {} };
    case "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment": {
      const reference = (inputs.customerManagedPolicyReference ?? {}) as { name?: unknown; path?: unknown };
      const path = typeof reference.path === "string" ? reference.path : "/";
      return {
        id: `${reference.name},${path},${inputs.permissionSetArn},${inputs.instanceArn}`,
        outputs: { customerManagedPolicyReference: { ...reference, path } },
      };
    }
    case "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment":
      return {
        id: `${inputs.managedPolicyArn},${inputs.permissionSetArn},${inputs.instanceArn}`,
        outputs: { managedPolicyName: String(inputs.managedPolicyArn ?? "").split("/").pop() },
      };
    case "aws:ssoadmin/accountAssignment:AccountAssignment": {
      const parts = ["principalId", "principalType", "targetId", "targetType", "permissionSetArn", "instanceArn"];
      return { id: parts.map((part) => String(inputs[part])).join(","), outputs: {} };
    }
    default:
      return { id: `${physicalName(name, inputs)}`, outputs: {} };
  }
}
