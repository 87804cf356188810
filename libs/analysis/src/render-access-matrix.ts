import { applicableActionCount, serviceOf } from "./action-expansion";
import type { AccessEntry, PrincipalAccess } from "./principal-access";

/** Resources on which a principal may do the same actions of one service. */
export interface AccessGroup {
  service: string;
  resources: string[];
  /** Action names without the service prefix, sorted, conditional ones marked with a trailing `†`. */
  actions: string[];
  /** Set when the actions are every action of the service that can apply to the resources. */
  allActions?: { count: number; conditional: number };
}

/** The mark after an action granted only under conditions. */
export const conditionalMark = "†";

/** Below this many, an "every action" group still lists its actions: a short list says more than a count. */
const listUpTo = 12;

const kindLabels: Record<PrincipalAccess["kind"], string> = {
  role: "role",
  group: "group",
  user: "user",
  "permission-set": "permission set",
  policy: "policy",
};

/** A principal's kind and name as headings show it: `permission set model-builders-dev`. */
export function principalLabel(row: { kind: PrincipalAccess["kind"]; name: string }): string {
  return `${kindLabels[row.kind]} ${row.name}`;
}

/** An action without its service prefix, marked when conditional. */
export function actionLabel(entry: { action: string; conditional: boolean }): string {
  const name = entry.action.slice(entry.action.indexOf(":") + 1);
  return entry.conditional ? `${name}${conditionalMark}` : name;
}

/**
 * A principal's entries grouped for reading: by service, then resources that share the same actions
 * (five job ARNs with the same twelve actions become one line), sorted by service and first resource.
 */
export function groupAccess(entries: readonly AccessEntry[]): AccessGroup[] {
  const byServiceAndResource = new Map<string, Map<string, AccessEntry[]>>();
  for (const entry of entries) {
    const service = serviceOf(entry.action);
    const resources = byServiceAndResource.get(service) ?? new Map<string, AccessEntry[]>();
    const sameResource = resources.get(entry.resource) ?? [];
    sameResource.push(entry);
    resources.set(entry.resource, sameResource);
    byServiceAndResource.set(service, resources);
  }
  const groups: AccessGroup[] = [];
  for (const service of [...byServiceAndResource.keys()].sort()) {
    const bySignature = new Map<string, AccessGroup>();
    for (const [resource, resourceEntries] of byServiceAndResource.get(service)!) {
      const actions = [...resourceEntries].sort((a, b) => (a.action < b.action ? -1 : 1)).map(actionLabel);
      const everything = actions.length > listUpTo && actions.length >= applicableActionCount(service, resource);
      const signature = `${everything}:${actions.join(" ")}`;
      const group = bySignature.get(signature);
      if (group) {
        group.resources.push(resource);
        continue;
      }
      const conditional = resourceEntries.filter((entry) => entry.conditional).length;
      bySignature.set(signature, {
        service,
        resources: [resource],
        actions,
        ...(everything ? { allActions: { count: actions.length, conditional } } : {}),
      });
    }
    const serviceGroups = [...bySignature.values()];
    for (const group of serviceGroups) group.resources.sort();
    groups.push(...serviceGroups.sort((a, b) => (a.resources[0]! < b.resources[0]! ? -1 : 1)));
  }
  return groups;
}

/** The actions of a group, or "all N … actions that apply" when it holds all of them. */
export function describeActions(group: AccessGroup): string {
  if (!group.allActions) return group.actions.join(", ");
  const { count, conditional } = group.allActions;
  return `all ${count} ${group.service} actions that apply${conditional > 0 ? ` (${conditional} conditional)` : ""}`;
}

/** The matrix as Markdown: a heading per principal, one bullet per service and resources sharing actions. */
export function renderAccessMatrixMarkdown(matrix: readonly PrincipalAccess[], options: { headingLevel?: number } = {}): string {
  const hashes = "#".repeat(options.headingLevel ?? 3);
  const lines: string[] = [];
  for (const row of matrix) {
    lines.push(`${hashes} ${principalLabel(row)}`, "", `\`${row.principal}\``, "");
    const groups = groupAccess(row.entries);
    if (groups.length === 0) lines.push("No access.");
    for (const group of groups) {
      lines.push(`- **${group.service}** on ${group.resources.map((resource) => `\`${resource}\``).join(", ")}: ${describeActions(group)}`);
    }
    for (const policy of row.unresolvedPolicies) lines.push(`- not analyzed (no document in the plans): \`${policy}\``);
    lines.push("");
  }
  return lines.join("\n");
}

/** The matrix as terminal text: per principal, per service, resources sharing actions and the actions. */
export function renderAccessMatrixText(matrix: readonly PrincipalAccess[]): string {
  const lines: string[] = [];
  for (const row of matrix) {
    lines.push(`${principalLabel(row)} (${row.stack || "no stack"}) ${row.principal}`);
    const groups = groupAccess(row.entries);
    if (groups.length === 0) lines.push("  no access");
    let service = "";
    for (const group of groups) {
      if (group.service !== service) lines.push(`  ${(service = group.service)}`);
      lines.push(`    ${group.resources.join(", ")}`, `      ${describeActions(group)}`);
    }
    for (const policy of row.unresolvedPolicies) lines.push(`  not analyzed (no document in the plans): ${policy}`);
    lines.push("");
  }
  return lines.join("\n");
}
