import { describeActions, groupAccess, type AccessChange } from "@ml-iam/analysis";
import type { AdoptionAliases } from "./adoption-aliases";
import { countByStatus, type AdoptionReport, type AdoptionStatus, type ResourceAdoption } from "./adoption-plan";
import type { PropertyChange } from "./input-diff";
import { grantText, type WrittenGrant } from "./policy-change";

/** Where the files of an adoption were written, for the next steps. */
export interface AdoptionFiles {
  importFile: string;
  aliasesFile?: string;
}

const statusLabels: Record<AdoptionStatus, string> = {
  "adopted-as-is": "adopted as is",
  "adopted-with-changes": "adopted with changes",
  "not-managed-here": "not managed here",
  "would-be-created": "would be created",
};

/** `aws:iam/role:Role` → `Role`; outside IAM the module too: `aws:identitystore/group:Group` → `identitystore Group`. */
function shortType(type: string): string {
  const [, module = "", name = type] = type.split(":");
  return module.startsWith("iam/") ? name : `${module.split("/")[0]} ${name}`;
}
const show = (value: unknown) => (value === undefined ? "(not set)" : JSON.stringify(value));

function sourceLine(report: AdoptionReport): string {
  const { source } = report;
  const what = source.kind === "pulumi-stack-export" ? `Pulumi stack export of ${source.project}/${source.stack}` : "resource list";
  return `${source.file} (${what})${report.mappingFile ? `, mapping ${report.mappingFile}` : ""}`;
}

/** One line counting each status, and the replacements. */
export function summarizeAdoption(report: AdoptionReport): string {
  const counts = countByStatus(report);
  const replaced = report.resources.filter((resource) => resource.status === "adopted-with-changes" && resource.replacedBy.length > 0).length;
  return (
    `${counts["adopted-as-is"]} adopted as is, ${counts["adopted-with-changes"]} adopted with changes` +
    `${replaced > 0 ? ` (${replaced} replaced by the first pulumi up)` : ""}, ${counts["not-managed-here"]} not managed here, ` +
    `${counts["would-be-created"]} would be created`
  );
}

/** How one renderer writes a line at a depth: bullets in Markdown, indentation in the terminal. */
interface LineStyle {
  line(depth: number, text: string): string;
  code(text: string): string;
}

const textStyle: LineStyle = { line: (depth, text) => `${"  ".repeat(depth + 1)}${text}`, code: (text) => text };
const markdownStyle: LineStyle = {
  line: (depth, text) => `${"  ".repeat(depth)}- ${text}`,
  code: (text) => `\`${text.replace(/`/g, "'")}\``,
};

function accessLines(label: string, changes: readonly AccessChange[], depth: number, style: LineStyle): string[] {
  if (changes.length === 0) return [];
  return [
    style.line(depth, `${label} (${changes.length} action-resource pairs):`),
    ...groupAccess(changes).map((group) =>
      style.line(depth + 1, `${group.service} on ${group.resources.map(style.code).join(", ")}: ${describeActions(group)}`),
    ),
  ];
}

/** Most actions a grouped grant line lists before counting the rest. */
const actionsShown = 8;

/** Grants grouped by effect, target and condition: one line per group, its actions listed. */
function grantLines(label: string, grants: readonly WrittenGrant[], depth: number, style: LineStyle): string[] {
  const groups = new Map<string, { grant: WrittenGrant; actions: string[] }>();
  for (const grant of grants) {
    const key = grantText({ ...grant, action: "" });
    const group = groups.get(key) ?? { grant, actions: [] };
    group.actions.push(grant.action);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ grant, actions }) => {
    const more = actions.length > actionsShown ? ` and ${actions.length - actionsShown} more` : "";
    const shown = `${actions.slice(0, actionsShown).join(", ")}${more}`;
    return style.line(depth, `${label} ${style.code(grantText({ ...grant, action: shown }))}`);
  });
}

function changeLines(change: PropertyChange, depth: number, style: LineStyle): string[] {
  const replaces = change.replaces ? " (replaces)" : "";
  if (change.secret) return [style.line(depth, `${change.property}: secret, not shown${replaces}`)];
  if (!change.policy) return [style.line(depth, `${change.property}: ${style.code(show(change.before))} → ${style.code(show(change.after))}${replaces}`)];
  const { policy } = change;
  const lines = [style.line(depth, `${change.property}${replaces}: ${policy.removed.length} written grants removed, ${policy.added.length} added`)];
  lines.push(...grantLines("removed", policy.removed, depth + 1, style), ...grantLines("added", policy.added, depth + 1, style));
  if (policy.access) {
    lines.push(...accessLines("revokes", policy.access.revoked, depth + 1, style), ...accessLines("grants", policy.access.granted, depth + 1, style));
    lines.push(
      ...policy.access.resolvedFindings.map((finding) => style.line(depth + 1, `resolves ${finding}`)),
      ...policy.access.newFindings.map((finding) => style.line(depth + 1, `brings ${finding}`)),
    );
  }
  return lines;
}

function heading(resource: ResourceAdoption): string {
  if (resource.status === "would-be-created") return `${shortType(resource.type)} ${resource.planned.name} (${resource.planned.physicalName ?? resource.planned.importId ?? resource.planned.urn})`;
  if (resource.status === "not-managed-here") return `${shortType(resource.type)} ${resource.existing.label} (${resource.existing.importId})`;
  return `${shortType(resource.type)} ${resource.planned.name} ← ${resource.existing.label} (${resource.existing.importId}, matched by ${resource.matchedBy.replace("-", " ")})`;
}

/** The report for the terminal: the summary, then every resource with its changes and notes. */
export function renderAdoptionText(report: AdoptionReport): string {
  const lines = [`${report.stack} (${report.env}, account ${report.account}) from ${sourceLine(report)}`, summarizeAdoption(report)];
  for (const resource of report.resources) {
    lines.push(`${statusLabels[resource.status]}: ${heading(resource)}`);
    if (resource.status === "adopted-with-changes") for (const change of resource.changes) lines.push(...changeLines(change, 0, textStyle));
    for (const note of resource.notes) lines.push(textStyle.line(0, `note: ${note}`));
  }
  return lines.join("\n") + "\n";
}

function nextSteps(report: AdoptionReport, files: AdoptionFiles, aliases: AdoptionAliases | undefined): string[] {
  const stackDir = `stacks/${report.stack}`;
  const preview = `npx nx run ${report.stack}:preview --env=${report.env} --exclude-task-dependencies`;
  const importCommand = `(cd ${stackDir} && pulumi import --stack ${report.env} --file ${files.importFile} --generate-code=false)`;
  const lines = ["## Next steps", ""];
  if (!aliases) {
    lines.push(`1. Import: \`${importCommand}\` (imported resources are protected).`, `2. Preview: \`${preview}\` shows the changes above as updates, and replacements as replace.`);
    return lines;
  }
  const retire = `\`pulumi stack rm ${aliases.stateMove.source} --force\` (never \`pulumi destroy\` it: that deletes what it still holds)`;
  lines.push(
    "Either import them:",
    "",
    `1. Import: \`${importCommand}\`.`,
    `2. Retire the old program's stack without touching the resources: ${retire}.`,
    `3. Preview: \`${preview}\`.`,
    "",
    `Or move their state into the team's stack and alias them (${files.aliasesFile ?? "the aliases file"}):`,
    "",
    `1. Move: \`${aliases.stateMove.command}\`.`,
    "2. Give each planned resource listed there its `aliases: [...]`.",
    `3. Retire the old program's stack: ${retire}.`,
    `4. Preview: \`${preview}\`.`,
  );
  return lines;
}

/** The report as Markdown (`report.md`): summary, each status's resources with diffs and notes, next steps. */
export function renderAdoptionMarkdown(report: AdoptionReport, files: AdoptionFiles, aliases?: AdoptionAliases): string {
  const lines = [`# Adopting into ${report.stack} (${report.env})`, "", `Account ${report.account}, from ${sourceLine(report)}.`, "", `${summarizeAdoption(report)}.`, ""];
  for (const status of Object.keys(statusLabels) as AdoptionStatus[]) {
    const resources = report.resources.filter((resource) => resource.status === status);
    if (resources.length === 0) continue;
    lines.push(`## ${statusLabels[status][0]!.toUpperCase()}${statusLabels[status].slice(1)} (${resources.length})`, "");
    for (const resource of resources) {
      lines.push(`- ${heading(resource)}`);
      if (resource.status === "adopted-with-changes") for (const change of resource.changes) lines.push(...changeLines(change, 1, markdownStyle));
      for (const note of resource.notes) lines.push(markdownStyle.line(1, `note: ${note}`));
    }
    lines.push("");
  }
  lines.push(...nextSteps(report, files, aliases));
  return lines.join("\n") + "\n";
}
