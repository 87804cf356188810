import { resourceArnMatcher } from "../internal/arn-format-match";
import { actionsNamedBy, findResourceType, type ActionInfo } from "../internal/service-catalog";
import type { Rule, RuleHit } from "./rule";

/** The catalog's actions are frozen for the life of the process, so each one's formats are looked up once. */
const formatsByAction = new WeakMap<ActionInfo, readonly { type: string; format: string }[]>();

/** The ARN formats an action accepts; empty when it supports only `"*"`. */
function arnFormatsOf(action: ActionInfo): readonly { type: string; format: string }[] {
  let formats = formatsByAction.get(action);
  if (formats === undefined) {
    formats = action.resourceTypes.flatMap((resourceType) => {
      const info = findResourceType(action.service, resourceType.name);
      return info ? [{ type: resourceType.name, format: info.arnFormat }] : [];
    });
    formatsByAction.set(action, formats);
  }
  return formats;
}

/**
 * Whether any of a statement's resources can match an ARN format, each format answered once per statement:
 * the dozens of actions a pattern like `s3:Get*` expands to share a few resource types.
 */
function resourcesMatcher(resources: readonly string[]): (format: string) => boolean {
  const matchers = resources.map(resourceArnMatcher);
  return (format) => matchers.some((matches) => matches(format));
}

function acceptsAnyOf(action: ActionInfo, resources: readonly string[], anyResourceMatches: (format: string) => boolean): boolean {
  if (resources.includes("*")) return true;
  const formats = arnFormatsOf(action);
  if (action.resourceTypes.length === 0) return false;
  // A resource type the data lists without an ARN format cannot be checked: give it the benefit of the doubt.
  if (formats.length < action.resourceTypes.length) return true;
  return formats.some(({ format }) => anyResourceMatches(format));
}

/** S3 object ARN → bucket ARN, the most common fix; otherwise the format with the partition filled in. */
function suggestion(action: ActionInfo, resources: string[]): string {
  const formats = arnFormatsOf(action);
  if (formats.length === 0) return 'use "Resource": "*" for it, in a statement of its own if the others need narrower resources';
  const partition = resources.map((r) => r.split(":")[1]).find((p) => p && !p.includes("*")) ?? "aws";
  if (action.service === "s3" && formats.some((f) => f.type === "bucket")) {
    const buckets = [...new Set(resources.map((r) => r.replace(/\/.*$/, "")).filter((r) => r.startsWith("arn:")))];
    if (buckets.length > 0) return `use ${buckets.join(", ")}`;
  }
  return `use a resource like ${formats.map((f) => f.format.replace("${Partition}", partition)).join(" or ")}`;
}

function describeTypes(action: ActionInfo): string {
  const names = action.resourceTypes.map((type) => type.name);
  return names.length === 0 ? 'only "*" (it has no resource-level permissions)' : `${names.join(" or ")} resources`;
}

/** An action must be granted on at least one resource of a type it applies to, or the grant never works. */
export const resourceMismatch: Rule = {
  code: "RESOURCE_MISMATCH",
  severity: "error",
  trigger:
    "an action none of whose resource types matches any resource of its statement (for a wildcard pattern: none of the actions it expands to)",
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      const resources = statement.resources;
      if (!statement.actions || !resources || resources.length === 0) continue;
      const anyResourceMatches = resourcesMatcher(resources);
      for (const action of statement.actions) {
        if (action === "*") continue;
        const isPattern = /[*?]/.test(action);
        const candidates = actionsNamedBy(action);
        if (candidates.length === 0) continue; // UNKNOWN_ACTION reports it
        if (candidates.some((candidate) => acceptsAnyOf(candidate, resources, anyResourceMatches))) continue;
        const first = candidates[0]!;
        hits.push({
          statement: statement.index,
          action,
          resource: resources.join(", "),
          message: isPattern
            ? `no action matching ${action} applies to ${resources.join(", ")}: grant the pattern on resources of its actions' types`
            : `${first.key} applies to ${describeTypes(first)}, not to ${resources.join(", ")}: ${suggestion(first, resources)}`,
        });
      }
    }
    return hits;
  },
};
