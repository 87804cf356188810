/**
 * The ids `pulumi import` takes, per type: what the AWS provider's import reads a resource by.
 * https://www.pulumi.com/registry/packages/aws/api-docs/iam/rolepolicyattachment/#import (and each type's Import section)
 */

/** Inputs that name an attachment's principal, per attachment type. */
const attachmentPrincipal: Record<string, string> = {
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "role",
  "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "group",
  "aws:iam/userPolicyAttachment:UserPolicyAttachment": "user",
};

/** Inputs that name an inline policy's principal, per inline policy type. */
const inlinePolicyPrincipal: Record<string, string> = {
  "aws:iam/rolePolicy:RolePolicy": "role",
  "aws:iam/groupPolicy:GroupPolicy": "group",
  "aws:iam/userPolicy:UserPolicy": "user",
};

/** Types named by their IAM name (role, group, user, instance profile names are also their import ids). */
const namedByName = new Set([
  "aws:iam/role:Role",
  "aws:iam/group:Group",
  "aws:iam/user:User",
  "aws:iam/instanceProfile:InstanceProfile",
]);

/** Types the provider cannot import: they are created by the first `pulumi up`. */
const notImportable = new Set(["aws:iam/groupMembership:GroupMembership"]);

/** The input naming an attachment's or inline policy's principal (`role`, `group`, `user`), if the type has one. */
export function principalInputOf(type: string): string | undefined {
  return attachmentPrincipal[type] ?? inlinePolicyPrincipal[type];
}

/** Whether the type attaches a managed policy to a principal. */
export function isPolicyAttachment(type: string): boolean {
  return type in attachmentPrincipal;
}

/** Whether `pulumi import` can import resources of this type. */
export function isImportable(type: string): boolean {
  return !notImportable.has(type);
}

/** Whether IAM compares the type's names without regard to case (it does for every IAM entity). */
export function hasCaseInsensitiveIds(type: string): boolean {
  return type.startsWith("aws:iam/");
}

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);

/**
 * The import id of a resource from its recorded id and inputs. An attachment's id in a Pulumi state is a
 * generated one (`<role>-2024…`), not what its import takes (`<role>/<policy ARN>`), so it comes from the inputs.
 */
export function importIdOf(type: string, id: string | undefined, inputs: Readonly<Record<string, unknown>> = {}): string | undefined {
  const principal = attachmentPrincipal[type];
  if (principal) {
    const name = text(inputs[principal]);
    const policyArn = text(inputs.policyArn);
    return name && policyArn ? `${name}/${policyArn}` : id;
  }
  const inlinePrincipal = inlinePolicyPrincipal[type];
  if (inlinePrincipal && id === undefined) {
    const name = text(inputs[inlinePrincipal]);
    const policyName = text(inputs.name);
    return name && policyName ? `${name}:${policyName}` : undefined;
  }
  return id;
}

/**
 * The import id a planned resource will have once created, when it follows from the plan: IAM names and
 * ARNs do; ids AWS generates (Identity Store groups, permission sets) do not, so those match only by mapping.
 */
export function plannedImportIdOf(type: string, inputs: Readonly<Record<string, unknown>>, outputs: Readonly<Record<string, unknown>>): string | undefined {
  if (namedByName.has(type)) return text(inputs.name) ?? text(outputs.name);
  if (type === "aws:iam/policy:Policy") return text(outputs.arn);
  if (attachmentPrincipal[type] || inlinePolicyPrincipal[type]) return importIdOf(type, undefined, inputs);
  return undefined;
}

/** The IAM name of a resource that has one, from its inputs, outputs or ARN. */
export function physicalNameOf(type: string, id: string | undefined, inputs: Readonly<Record<string, unknown>>, outputs: Readonly<Record<string, unknown>> = {}): string | undefined {
  const named = text(inputs.name) ?? text(outputs.name);
  if (named) return named;
  if (namedByName.has(type)) return id;
  const arn = text(outputs.arn) ?? (type === "aws:iam/policy:Policy" ? id : undefined);
  return arn?.split("/").pop();
}
