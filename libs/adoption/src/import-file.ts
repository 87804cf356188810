import type { PlanFile } from "@ml-iam/plan";
import type { AdoptedResource, AdoptionReport } from "./adoption-plan";
import { isImportable } from "./import-id";

/**
 * One entry of a `pulumi import --file` document. `name` is the entry's name in the file (what `parent`
 * refers to); `logicalName`, when set, is the name in the URN instead. `component` entries create the
 * empty component resources the imported ones belong to (Pulumi 3.94 and later).
 * https://www.pulumi.com/docs/iac/cli/commands/pulumi_import/
 */
export interface PulumiImportResource {
  type: string;
  name: string;
  id?: string;
  parent?: string;
  component?: true;
  logicalName?: string;
}

/** The document `pulumi import --file <file>` reads. */
export interface PulumiImportFile {
  resources: PulumiImportResource[];
}

/** `aws:iam/role:Role` → `role`, `ml-iam:team-stack:TeamRole` → `team-role`: to tell apart entries of one name. */
function typeSlug(type: string): string {
  const last = type.split(":").pop() ?? type;
  return last.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

const urnName = (urn: string) => urn.split("::").pop()!;
const urnType = (urn: string) => urn.split("::")[2]!.split("$").pop()!;

/**
 * The import document of every adopted resource: its type, its planned logical name and its existing
 * physical id, under the same parent components as in the plan, so that after `pulumi import` each has
 * exactly the URN the team's program gives it and `pulumi up` updates it instead of creating a twin.
 */
export function pulumiImportFile(report: AdoptionReport, plan: PlanFile): PulumiImportFile {
  const adopted = report.resources.filter((resource): resource is AdoptedResource => "existing" in resource && "planned" in resource && isImportable(resource.type));
  const parentOf = new Map(plan.steps.map((step) => [step.urn, step.newState.parent]));
  const used = new Set<string>();
  const unique = (name: string, type: string) => {
    let candidate = used.has(name) ? `${name}-${typeSlug(type)}` : name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}-${typeSlug(type)}-${n}`;
    used.add(candidate);
    return candidate;
  };
  const entry = (type: string, name: string, logicalName: string): Pick<PulumiImportResource, "name" | "logicalName"> =>
    name === logicalName ? { name } : { name, logicalName };

  // Adopted resources keep their planned logical name as their entry name; components give way when names clash.
  const customNames = new Map(adopted.map((resource) => [resource.planned.urn, unique(resource.planned.name, resource.type)]));
  const components: PulumiImportResource[] = [];
  const componentNames = new Map<string, string>();
  const addComponent = (urn: string): string => {
    const known = componentNames.get(urn);
    if (known) return known;
    const parent = parentOf.get(urn);
    const parentName = parent ? addComponent(parent) : undefined;
    const type = urnType(urn);
    const name = unique(urnName(urn), type);
    componentNames.set(urn, name);
    components.push({ type, ...entry(type, name, urnName(urn)), component: true, ...(parentName ? { parent: parentName } : {}) });
    return name;
  };
  const resources = adopted.map((resource): PulumiImportResource => {
    const parent = resource.planned.parent ? addComponent(resource.planned.parent) : undefined;
    return {
      type: resource.type,
      ...entry(resource.type, customNames.get(resource.planned.urn)!, resource.planned.name),
      id: resource.existing.importId,
      ...(parent ? { parent } : {}),
    };
  });
  return { resources: [...components, ...resources] };
}
