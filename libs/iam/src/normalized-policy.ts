import { asList, type ConditionJson, type PolicyDocumentJson, type PrincipalJson } from "./policy-json";

/** A statement with every list-or-single element turned into a list, keeping its 0-based index. */
export interface NormalizedStatement {
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  principal?: PrincipalJson;
  notPrincipal?: PrincipalJson;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  conditions: NormalizedCondition[];
}

/** One operator/key pair of a Condition element with its values as strings. */
export interface NormalizedCondition {
  operator: string;
  key: string;
  values: string[];
}

/** A document whose statements are structurally valid (others are reported by INVALID_DOCUMENT). */
export interface NormalizedPolicy {
  version?: string;
  statements: NormalizedStatement[];
  /** The compact JSON as it would be sent to AWS, for size quotas. */
  json: string;
}

/** Flattens a Condition element into operator/key/values triples. */
export function normalizeConditions(condition: ConditionJson | undefined): NormalizedCondition[] {
  const result: NormalizedCondition[] = [];
  for (const [operator, block] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(block ?? {})) {
      result.push({ operator, key, values: asList(value).map(String) });
    }
  }
  return result;
}

/** Structural reading of a document; statements that are not objects with a valid Effect are skipped. */
export function normalizePolicy(document: PolicyDocumentJson): NormalizedPolicy {
  const statements: NormalizedStatement[] = [];
  asList(document.Statement).forEach((raw, index) => {
    if (typeof raw !== "object" || raw === null) return;
    if (raw.Effect !== "Allow" && raw.Effect !== "Deny") return;
    statements.push({
      index,
      sid: raw.Sid,
      effect: raw.Effect,
      principal: principalOf(raw.Principal),
      notPrincipal: principalOf(raw.NotPrincipal),
      actions: stringList(raw.Action),
      notActions: stringList(raw.NotAction),
      resources: stringList(raw.Resource),
      notResources: stringList(raw.NotResource),
      conditions: normalizeConditions(raw.Condition),
    });
  });
  return { version: document.Version, statements, json: JSON.stringify(document) };
}

/**
 * A Principal element as the rules read it: `"*"`, or each type's string values. What is neither (a number, a
 * null among the values) is INVALID_DOCUMENT's to report, and never reaches a rule that would read it as text.
 */
function principalOf(value: unknown): PrincipalJson | undefined {
  if (value === "*") return value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([type, values]) => [type, asList(values as string | string[]).filter((item) => typeof item === "string")]),
  );
}

function stringList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : asList(value).filter((item) => typeof item === "string");
}
