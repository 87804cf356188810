import { stackReferenceType, type PlanFile, type PlannedResource } from "@ml-iam/plan";
import { AdoptionInputError } from "./adoption-input-error";
import type { AdoptionMapping } from "./adoption-mapping";
import type { ExistingInventory, ExistingResource } from "./existing-resources";
import { hasCaseInsensitiveIds, isImportable, isPolicyAttachment, physicalNameOf, plannedImportIdOf, principalInputOf } from "./import-id";
import { diffInputs, type PropertyChange } from "./input-diff";

/** What adopting does with a resource. */
export type AdoptionStatus = "adopted-as-is" | "adopted-with-changes" | "not-managed-here" | "would-be-created";

/** An existing resource as the report names it. */
export interface ExistingReference {
  key: string;
  type: string;
  label: string;
  id: string;
  importId: string;
  physicalName?: string;
}

/** A planned resource as the report names it. */
export interface PlannedReference {
  urn: string;
  type: string;
  /** The logical name in the team's program. */
  name: string;
  physicalName?: string;
  /** The id it will be imported by once created, when the plan determines it (IAM names, ARNs, attachments). */
  importId?: string;
  /** The URN of its parent component, when it has one. */
  parent?: string;
}

/** An existing resource the team stack takes over: imported under the planned logical name. */
export interface AdoptedResource {
  status: "adopted-as-is" | "adopted-with-changes";
  type: string;
  existing: ExistingReference;
  planned: PlannedReference;
  /** How it was matched: the same IAM name or ARN, the mapping file, or (attachments) the role and policy it joins. */
  matchedBy: "name" | "mapping" | "attached-resources";
  /** Every input (a stack export) or only those a resource list states. */
  compared: "all-inputs" | "stated-inputs";
  changes: PropertyChange[];
  /** Inputs whose change replaces the resource: when any, the first `pulumi up` deletes and recreates it. */
  replacedBy: string[];
  notes: string[];
}

/** An existing resource no planned resource matches: the team stack leaves it alone. */
export interface UnmanagedResource {
  status: "not-managed-here";
  type: string;
  existing: ExistingReference;
  notes: string[];
}

/** A planned resource nothing existing matches: the first `pulumi up` creates it. */
export interface CreatedResource {
  status: "would-be-created";
  type: string;
  planned: PlannedReference;
  notes: string[];
}

/** One resource's line in the report. */
export type ResourceAdoption = AdoptedResource | UnmanagedResource | CreatedResource;

/** What adopting existing resources into a team stack's env does, resource by resource. */
export interface AdoptionReport {
  stack: string;
  env: string;
  organization: string;
  account: string;
  source: { kind: ExistingInventory["kind"]; file: string; project?: string; stack?: string };
  mappingFile?: string;
  /** Adopted first (as is, then with changes), then not managed here, then would be created. */
  resources: ResourceAdoption[];
}

/** What planning an adoption takes. */
export interface AdoptionInput {
  existing: ExistingInventory;
  plan: PlanFile;
  mapping?: AdoptionMapping;
}

const statusOrder: Record<AdoptionStatus, number> = { "adopted-as-is": 0, "adopted-with-changes": 1, "not-managed-here": 2, "would-be-created": 3 };

/** The principal type an attachment or inline policy type names. */
const principalTypeOf: Record<string, string> = { role: "aws:iam/role:Role", group: "aws:iam/group:Group", user: "aws:iam/user:User" };

function idKey(type: string, id: string): string {
  return `${type}\n${hasCaseInsensitiveIds(type) ? id.toLowerCase() : id}`;
}

function existingReference(resource: ExistingResource): ExistingReference {
  const { key, type, label, id, importId, physicalName } = resource;
  return { key, type, label, id, importId, ...(physicalName === undefined ? {} : { physicalName }) };
}

function plannedReference(resource: PlannedResource): PlannedReference {
  const physicalName = physicalNameOf(resource.type, resource.id, resource.inputs, resource.outputs);
  const importId = plannedImportIdOf(resource.type, resource.inputs, resource.outputs);
  return {
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    ...(physicalName === undefined ? {} : { physicalName }),
    ...(importId === undefined ? {} : { importId }),
    ...(resource.parent === undefined ? {} : { parent: resource.parent }),
  };
}

/** Resources the plan would create in the account: custom resources, not components or stack references. */
function plannedResources(plan: PlanFile): PlannedResource[] {
  return plan.steps.map((step) => step.newState).filter((resource) => resource.custom && resource.type !== stackReferenceType);
}

const replacementConsequence: Record<string, string> = {
  "aws:iam/role:Role": "a new role with a new ARN: whatever trusts, passes or names the old ARN must follow, and the old role's sessions end",
  "aws:iam/policy:Policy": "a new policy is created and attached in its place, and the old one deleted once nothing attaches it",
  "aws:iam/instanceProfile:InstanceProfile": "a new instance profile: instances launched with the old one keep it until relaunched",
};

/** Matches the mapping's entries, listing every entry that names what does not exist or cannot be adopted. */
function matchByMapping(input: AdoptionInput, planned: readonly PlannedResource[]): { matches: Map<ExistingResource, [PlannedResource, AdoptedResource["matchedBy"]]>; problems: string[] } {
  const { existing, plan, mapping } = input;
  const problems: string[] = [];
  const matches = new Map<ExistingResource, [PlannedResource, AdoptedResource["matchedBy"]]>();
  const taken = new Set<string>();
  const plannedByUrn = new Map(planned.map((resource) => [resource.urn, resource]));
  const components = new Set(plan.steps.filter((step) => !step.newState.custom).map((step) => step.urn));
  const byKey = new Map<string, ExistingResource>();
  for (const resource of existing.resources) byKey.set(resource.id, resource);
  for (const resource of existing.resources) byKey.set(resource.key, resource);
  const byImportId = new Map<string, ExistingResource>();
  for (const resource of existing.resources) byImportId.set(idKey(resource.type, resource.importId), resource);

  for (const entry of mapping?.entries ?? []) {
    const where = `${mapping!.file}: ${JSON.stringify(entry.existing)}`;
    const source = byKey.get(entry.existing);
    const target = plannedByUrn.get(entry.planned);
    if (!source) problems.push(`${where} is neither the URN nor the id of a resource in ${existing.file}`);
    if (!target) {
      const suffix = entry.planned.split("::").slice(2).join("::");
      const near = planned.find((resource) => resource.urn.split("::").slice(2).join("::") === suffix);
      const hint = components.has(entry.planned)
        ? ": that is a component; map onto the resource inside it"
        : near
          ? `: did you mean ${near.urn}?`
          : `: run ml-iam adopt without --mapping to list the planned URNs`;
      problems.push(`${where} maps to ${entry.planned}, which the plan of ${plan.stack} (${plan.env}) does not have${hint}`);
    }
    if (!source || !target) continue;
    if (source.type !== target.type) {
      problems.push(`${where} is a ${source.type} and cannot become the ${target.type} ${target.urn}`);
      continue;
    }
    if (!isImportable(target.type)) {
      problems.push(`${where}: ${target.type} cannot be imported; leave it out of the mapping (the first pulumi up creates it)`);
      continue;
    }
    if (matches.has(source)) {
      problems.push(`${where} is mapped twice (by URN and by id)`);
      continue;
    }
    if (taken.has(target.urn)) {
      problems.push(`${where} maps to ${target.urn}, which another entry of the mapping already takes`);
      continue;
    }
    const plannedId = plannedImportIdOf(target.type, target.inputs, target.outputs);
    const holder = plannedId === undefined ? undefined : byImportId.get(idKey(target.type, plannedId));
    const holderMapped = holder && mapping!.entries.some((other) => byKey.get(other.existing) === holder);
    if (holder && holder !== source && !holderMapped) {
      problems.push(`${where} maps to ${target.urn}, but ${holder.label} in ${existing.file} already is ${plannedId}: map that one instead`);
      continue;
    }
    matches.set(source, [target, "mapping"]);
    taken.add(target.urn);
  }
  return { matches, problems };
}

/** Matches the rest by type and import id, then attachments by the role and policy they join. */
function matchByIdentity(existing: readonly ExistingResource[], planned: readonly PlannedResource[], matches: Map<ExistingResource, [PlannedResource, AdoptedResource["matchedBy"]]>): void {
  const taken = new Set([...matches.values()].map(([resource]) => resource.urn));
  const plannedById = new Map<string, PlannedResource>();
  for (const resource of planned) {
    const id = plannedImportIdOf(resource.type, resource.inputs, resource.outputs);
    if (id !== undefined && isImportable(resource.type) && !taken.has(resource.urn)) plannedById.set(idKey(resource.type, id), resource);
  }
  const claim = (resource: ExistingResource, key: string, matchedBy: AdoptedResource["matchedBy"]) => {
    const target = plannedById.get(key);
    if (!target || taken.has(target.urn) || !isImportable(resource.type)) return;
    matches.set(resource, [target, matchedBy]);
    taken.add(target.urn);
  };
  for (const resource of existing) if (!matches.has(resource)) claim(resource, idKey(resource.type, resource.importId), "name");

  // An attachment follows the role (group, user) and policy it joins: renamed by adoption, it is the planned one.
  const renamed = new Map<string, string>();
  for (const [resource, [target]] of matches) {
    const plannedName = physicalNameOf(target.type, target.id, target.inputs, target.outputs);
    if (resource.physicalName !== undefined && plannedName !== undefined) renamed.set(idKey(resource.type, resource.physicalName), plannedName);
    if (resource.type === "aws:iam/policy:Policy" && typeof target.outputs.arn === "string") renamed.set(idKey(resource.type, resource.importId), target.outputs.arn);
  }
  for (const resource of existing) {
    const principalInput = principalInputOf(resource.type);
    if (matches.has(resource) || !isPolicyAttachment(resource.type) || !principalInput) continue;
    const principal = String(resource.inputs[principalInput] ?? "");
    const policyArn = String(resource.inputs.policyArn ?? "");
    const principalType = principalTypeOf[principalInput]!;
    const newPrincipal = renamed.get(idKey(principalType, principal)) ?? principal;
    const newPolicyArn = renamed.get(idKey("aws:iam/policy:Policy", policyArn)) ?? policyArn;
    if (newPrincipal !== principal || newPolicyArn !== policyArn) claim(resource, idKey(resource.type, `${newPrincipal}/${newPolicyArn}`), "attached-resources");
  }
}

function adoptedResource(resource: ExistingResource, target: PlannedResource, matchedBy: AdoptedResource["matchedBy"]): AdoptedResource {
  const changes = diffInputs(resource.type, resource.label, { inputs: resource.inputs, complete: resource.inputsComplete, defaulted: resource.defaulted }, target.inputs);
  const replacedBy = changes.filter((change) => change.replaces).map((change) => change.property);
  const notes: string[] = [];
  if (replacedBy.length > 0) {
    const consequence = replacementConsequence[resource.type];
    notes.push(`the first pulumi up replaces it: ${replacedBy.join(", ")} cannot change in place${consequence ? ` (${consequence})` : ""}`);
  }
  if (!resource.inputsComplete) notes.push(`compared by what ${resource.key} states (${Object.keys(resource.inputs).sort().join(", ")}); pulumi preview after the import shows the rest`);
  return {
    status: changes.length === 0 ? "adopted-as-is" : "adopted-with-changes",
    type: resource.type,
    existing: existingReference(resource),
    planned: plannedReference(target),
    matchedBy,
    compared: resource.inputsComplete ? "all-inputs" : "stated-inputs",
    changes,
    replacedBy,
    notes,
  };
}

/** Notes on an attachment left alone that still joins resources adoption takes over. */
function leftAloneNotes(resource: ExistingResource, adopted: readonly AdoptedResource[]): string[] {
  const principalInput = principalInputOf(resource.type);
  if (!principalInput || !isPolicyAttachment(resource.type)) return [];
  const principalType = principalTypeOf[principalInput]!;
  const principal = String(resource.inputs[principalInput] ?? "");
  const policyArn = String(resource.inputs.policyArn ?? "");
  const adoptedPrincipal = adopted.find((a) => a.type === principalType && idKey(a.type, a.existing.physicalName ?? "") === idKey(principalType, principal));
  const adoptedPolicy = adopted.find((a) => a.type === "aws:iam/policy:Policy" && idKey(a.type, a.existing.importId) === idKey(a.type, policyArn));
  if (!adoptedPrincipal && !adoptedPolicy) return [];
  const what = [adoptedPolicy && `policy ${adoptedPolicy.existing.label} (adopted as ${adoptedPolicy.planned.name})`, adoptedPrincipal && `${principalInput} ${adoptedPrincipal.existing.label} (adopted as ${adoptedPrincipal.planned.name})`];
  const notes = [
    `it attaches ${adoptedPolicy ? what[0] : policyArn} to ${adoptedPrincipal ? what[1] : `${principalInput} ${principal}`}, and the plan has no such attachment: ` +
      `it stays and keeps granting that policy until it is detached by hand (or mapped to a planned attachment)`,
  ];
  const replaced = [adoptedPolicy, adoptedPrincipal].filter((a): a is AdoptedResource => a !== undefined && a.replacedBy.length > 0);
  if (replaced.length > 0) {
    const names = replaced.map((a) => `${a === adoptedPolicy ? "policy" : principalInput} ${a.existing.label}`).join(" and ");
    notes.push(`while it stays, the replaced ${names} cannot be deleted (DeleteConflict): detach it before pulumi up`);
  }
  return notes;
}

/**
 * Matches what exists to what the team stack plans, by the mapping first, then by type and IAM name or
 * ARN, then attachments by the resources they join, and reports each resource: adopted as is, adopted
 * with changes (the input diff, and for policies the access diff), not managed here, or would be created.
 * Throws {@link AdoptionInputError} when the mapping names what does not exist.
 */
export function planAdoption(input: AdoptionInput): AdoptionReport {
  const { existing, plan, mapping } = input;
  const planned = plannedResources(plan);
  const { matches, problems } = matchByMapping(input, planned);
  if (problems.length > 0) throw new AdoptionInputError(problems);
  matchByIdentity(existing.resources, planned, matches);

  const adopted = [...matches].map(([resource, [target, matchedBy]]) => adoptedResource(resource, target, matchedBy));
  const adoptedUrns = new Set(adopted.map((resource) => resource.planned.urn));
  const unmanaged: UnmanagedResource[] = existing.resources
    .filter((resource) => !matches.has(resource))
    .map((resource) => ({
      status: "not-managed-here",
      type: resource.type,
      existing: existingReference(resource),
      notes: [...(isImportable(resource.type) ? [] : [`${resource.type} cannot be imported`]), ...leftAloneNotes(resource, adopted)],
    }));
  const created: CreatedResource[] = planned
    .filter((resource) => !adoptedUrns.has(resource.urn))
    .map((resource) => ({
      status: "would-be-created",
      type: resource.type,
      planned: plannedReference(resource),
      notes: isImportable(resource.type) ? [] : [`${resource.type} cannot be imported: the first pulumi up creates it`],
    }));

  const sortKey = (resource: ResourceAdoption) => ("planned" in resource ? resource.planned.urn : resource.existing.key);
  const resources = [...adopted, ...unmanaged, ...created].sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0),
  );
  return {
    stack: plan.stack,
    env: plan.env,
    organization: plan.organization,
    account: plan.account,
    source: {
      kind: existing.kind,
      file: existing.file,
      ...(existing.project === undefined ? {} : { project: existing.project }),
      ...(existing.stack === undefined ? {} : { stack: existing.stack }),
    },
    ...(mapping ? { mappingFile: mapping.file } : {}),
    resources,
  };
}

/** How many resources have each status. */
export function countByStatus(report: AdoptionReport): Record<AdoptionStatus, number> {
  const counts: Record<AdoptionStatus, number> = { "adopted-as-is": 0, "adopted-with-changes": 0, "not-managed-here": 0, "would-be-created": 0 };
  for (const resource of report.resources) counts[resource.status] += 1;
  return counts;
}
