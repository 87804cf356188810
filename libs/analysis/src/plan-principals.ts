import { asList, type PolicyDocumentJson } from "@ml-iam/iam";
import type { PlanFile, PlannedResource } from "@ml-iam/plan";

/** A policy as a principal holds it: by name, with its ARN when managed, and its document when known. */
export interface HeldPolicy {
  name: string;
  arn?: string;
  document?: PolicyDocumentJson;
}

/** A principal of the plans (role, group, user, permission set) with every policy that applies to it. */
export interface PlanPrincipal {
  stack: string;
  kind: "role" | "group" | "user" | "permission-set";
  name: string;
  /** The ARN, or the Identity Center permission set ARN. */
  arn: string;
  boundary?: HeldPolicy;
  trust?: PolicyDocumentJson;
  policies: HeldPolicy[];
  /**
   * The principal's tags as AWS will hold them: the provider's default tags (`aws:defaultTags`) under the
   * resource's own. Identity Center sessions get theirs from the attributes for access control instead.
   */
  tags: Record<string, string>;
}

/** The provider's default tags of a plan's stack, which AWS applies to every taggable resource it creates. */
export function providerDefaultTags(plan: PlanFile): Record<string, string> {
  const defaultTags = plan.config["aws:defaultTags"] as { tags?: Record<string, unknown> } | undefined;
  return Object.fromEntries(Object.entries(defaultTags?.tags ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function tagsOf(resource: PlannedResource, defaults: Record<string, string>): Record<string, string> {
  const own = (resource.inputs.tags ?? {}) as Record<string, unknown>;
  return { ...defaults, ...Object.fromEntries(Object.entries(own).filter((entry): entry is [string, string] => typeof entry[1] === "string")) };
}

function parseDocument(json: unknown): PolicyDocumentJson | undefined {
  if (typeof json !== "string") return undefined;
  try {
    return JSON.parse(json) as PolicyDocumentJson;
  } catch {
    return undefined;
  }
}

/** A plan's resources grouped by type, and by the value of one input within a type: built once per plan. */
class PlanResourceIndex {
  private readonly byType = new Map<string, PlannedResource[]>();
  private readonly byInput = new Map<string, Map<unknown, PlannedResource[]>>();

  constructor(plan: PlanFile) {
    for (const { newState: resource } of plan.steps) {
      const list = this.byType.get(resource.type) ?? [];
      list.push(resource);
      this.byType.set(resource.type, list);
    }
  }

  /** Every resource of a type. */
  ofType(type: string): PlannedResource[] {
    return this.byType.get(type) ?? [];
  }

  /** The resources of a type whose input `key` is `value`. */
  where(type: string, key: string, value: unknown): PlannedResource[] {
    const indexKey = `${type}\n${key}`;
    let byValue = this.byInput.get(indexKey);
    if (!byValue) {
      byValue = new Map();
      for (const resource of this.ofType(type)) {
        const list = byValue.get(resource.inputs[key]) ?? [];
        list.push(resource);
        byValue.set(resource.inputs[key], list);
      }
      this.byInput.set(indexKey, byValue);
    }
    return byValue.get(value) ?? [];
  }
}

/** Every principal of a set of plans (one env), its managed and inline policies and its boundary. */
export function planPrincipals(plans: readonly PlanFile[]): PlanPrincipal[] {
  const indexes = new Map(plans.map((plan) => [plan, new PlanResourceIndex(plan)]));
  const managed = new Map<string, HeldPolicy>();
  const byNameAndPath = new Map<string, HeldPolicy>();
  for (const index of indexes.values()) {
    for (const policy of index.ofType("aws:iam/policy:Policy")) {
      const held = { name: String(policy.outputs.name), arn: String(policy.outputs.arn), document: parseDocument(policy.inputs.policy) };
      managed.set(held.arn, held);
      byNameAndPath.set(`${policy.inputs.path ?? "/"}${held.name}`, held);
    }
  }
  const heldByArn = (arn: unknown): HeldPolicy => managed.get(String(arn)) ?? { name: String(arn).split("/").pop() ?? String(arn), arn: String(arn) };
  const boundaryOf = (arn: unknown) => (typeof arn === "string" ? heldByArn(arn) : undefined);

  const principals: PlanPrincipal[] = [];
  for (const [plan, index] of indexes) {
    const defaults = providerDefaultTags(plan);
    const attached = (type: string, key: string, name: string) => index.where(type, key, name).map((a) => heldByArn(a.inputs.policyArn));
    const inline = (type: string, key: string, name: string) =>
      index.where(type, key, name).map((p) => ({ name: String(p.inputs.name ?? p.name), document: parseDocument(p.inputs.policy) }));

    for (const role of index.ofType("aws:iam/role:Role")) {
      const name = String(role.outputs.name);
      principals.push({
        stack: plan.stack,
        kind: "role",
        name,
        arn: String(role.outputs.arn),
        boundary: boundaryOf(role.inputs.permissionsBoundary),
        trust: parseDocument(role.inputs.assumeRolePolicy),
        tags: tagsOf(role, defaults),
        policies: [
          ...attached("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "role", name),
          ...inline("aws:iam/rolePolicy:RolePolicy", "role", name),
        ],
      });
    }
    for (const group of index.ofType("aws:iam/group:Group")) {
      const name = String(group.outputs.name);
      principals.push({
        stack: plan.stack,
        kind: "group",
        name,
        arn: String(group.outputs.arn),
        tags: {},
        policies: [
          ...attached("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "group", name),
          ...inline("aws:iam/groupPolicy:GroupPolicy", "group", name),
        ],
      });
    }
    for (const user of index.ofType("aws:iam/user:User")) {
      const name = String(user.outputs.name);
      principals.push({
        stack: plan.stack,
        kind: "user",
        name,
        arn: String(user.outputs.arn),
        boundary: boundaryOf(user.inputs.permissionsBoundary),
        tags: tagsOf(user, defaults),
        policies: [
          ...attached("aws:iam/userPolicyAttachment:UserPolicyAttachment", "user", name),
          ...inline("aws:iam/userPolicy:UserPolicy", "user", name),
        ],
      });
    }
    for (const set of index.ofType("aws:ssoadmin/permissionSet:PermissionSet")) {
      const arn = String(set.outputs.arn);
      const forSet = (type: string) => index.where(type, "permissionSetArn", arn);
      const reference = (r: PlannedResource) => r.inputs.customerManagedPolicyReference as { name?: string; path?: string } | undefined;
      const customer = (r: PlannedResource) => byNameAndPath.get(`${reference(r)?.path ?? "/"}${reference(r)?.name}`);
      principals.push({
        stack: plan.stack,
        kind: "permission-set",
        name: String(set.inputs.name),
        arn,
        tags: {},
        boundary: forSet("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment")
          .map((r) => (r.inputs.permissionsBoundary as { customerManagedPolicyReference?: { name?: string; path?: string } } | undefined)?.customerManagedPolicyReference)
          .map((ref) => (ref ? byNameAndPath.get(`${ref.path ?? "/"}${ref.name}`) : undefined))
          .find((held) => held !== undefined),
        policies: [
          ...forSet("aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy").map((r) => ({ name: "inline", document: parseDocument(r.inputs.inlinePolicy) })),
          ...forSet("aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment")
            .map(customer)
            .filter((held): held is HeldPolicy => held !== undefined),
          ...forSet("aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment").map((r) => heldByArn(r.inputs.managedPolicyArn)),
        ],
      });
    }
  }
  return principals;
}

/** The statements of a document as a list. */
export function statementsOf(document: PolicyDocumentJson | undefined) {
  return document ? asList(document.Statement) : [];
}
