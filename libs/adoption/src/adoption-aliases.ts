import type { AdoptedResource, AdoptionReport } from "./adoption-plan";

/** The aliases one planned resource needs to take over a resource of the old program's state. */
export interface AliasEntry {
  /** The planned resource's URN, where the aliases go. */
  urn: string;
  type: string;
  name: string;
  /** The resource's URN in the old program's stack. */
  from: string;
  /** Paste as the resource's `aliases: [...]` option: its URN once `pulumi state move` has moved it. */
  aliases: string[];
}

/**
 * Instead of importing: move the old program's state into the team's stack, then alias each planned
 * resource to the moved one, so Pulumi updates it in place. Aliases only match URNs of the stack's own
 * state, hence the move first.
 */
export interface AdoptionAliases {
  stateMove: { source: string; destination: string; urns: string[]; command: string };
  resources: AliasEntry[];
}

/**
 * The aliases of a stack export's adopted resources: the URN each has after `pulumi state move` into the
 * team's stack (a moved resource whose parent stays behind becomes a child of the new stack), keyed by
 * the planned URN. Undefined for a resource list, which has no state to move.
 */
export function adoptionAliases(report: AdoptionReport): AdoptionAliases | undefined {
  const { source } = report;
  if (source.kind !== "pulumi-stack-export" || !source.project || !source.stack) return undefined;
  const adopted = report.resources.filter((resource): resource is AdoptedResource => "existing" in resource && "planned" in resource);
  const entries = adopted
    .filter((resource) => resource.existing.key.startsWith("urn:pulumi:"))
    .map((resource): AliasEntry => {
      const from = resource.existing.key;
      const [, , qualifiedType, ...name] = from.split("::");
      const moved = `urn:pulumi:${report.env}::${report.stack}::${qualifiedType!.split("$").pop()}::${name.join("::")}`;
      return { urn: resource.planned.urn, type: resource.type, name: resource.planned.name, from, aliases: [moved] };
    });
  const sourceStack = `${report.organization}/${source.project}/${source.stack}`;
  const destination = `${report.organization}/${report.stack}/${report.env}`;
  const urns = entries.map((entry) => entry.from);
  return {
    stateMove: {
      source: sourceStack,
      destination,
      urns,
      command: `pulumi state move --source ${sourceStack} --dest ${destination} ${urns.map((urn) => `'${urn}'`).join(" ")}`,
    },
    resources: entries,
  };
}
