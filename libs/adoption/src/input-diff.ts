import type { PolicyDocumentJson } from "@ml-iam/iam";
import { isComparedInput, providerDefault, replacesOnChange } from "./aws-provider-inputs";
import { policyChange, type PolicyChange } from "./policy-change";

/** One input that differs between the existing resource and the planned one. */
export interface PropertyChange {
  property: string;
  /** The existing value; absent when it is not set. */
  before?: unknown;
  /** The planned value; absent when the plan does not set it. */
  after?: unknown;
  /** Whether the provider replaces the resource (delete and create) to make this change. */
  replaces: boolean;
  /** Set when either side is a secret: neither value is shown. */
  secret?: true;
  /** For policy documents: what the change does to the grants and the access. */
  policy?: PolicyChange;
}

/** The existing side of a comparison. */
export interface ExistingInputs {
  inputs: Readonly<Record<string, unknown>>;
  /** When false, only the inputs present are known; the others are not compared. */
  complete: boolean;
  /** Inputs the provider defaulted: left out of the plan, they are defaulted again, so they are no change. */
  defaulted: readonly string[];
}

/** The Pulumi state's signature of a secret value, and the plan's placeholder for one. */
const secretSignature = "4dabf18193072939515e22adb298388d";
const planSecret = "[secret]";
const hidden = "[secret]";

function isSecret(value: unknown): boolean {
  return value === planSecret || (typeof value === "object" && value !== null && secretSignature in value);
}

const documentInputs: Record<string, "identity" | "trust"> = { policy: "identity", inlinePolicy: "identity", assumeRolePolicy: "trust" };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function parseDocument(value: unknown): PolicyDocumentJson | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const document = JSON.parse(value) as unknown;
    return typeof document === "object" && document !== null && "Statement" in document ? (document as PolicyDocumentJson) : undefined;
  } catch {
    return undefined;
  }
}

/** An input's value with the provider's default standing in for "not set", so `"/"` and no path are equal. */
function effective(type: string, property: string, value: unknown): unknown {
  return value === undefined || value === null ? providerDefault(type, property) : value;
}

/**
 * The inputs that differ between an existing resource and the planned one, in property order: what
 * `pulumi preview` will show after the import. Documents are compared parsed, so layout is no change.
 */
export function diffInputs(type: string, name: string, existing: ExistingInputs, planned: Readonly<Record<string, unknown>>): PropertyChange[] {
  const properties = new Set([...Object.keys(planned), ...Object.keys(existing.inputs)].filter(isComparedInput));
  const changes: PropertyChange[] = [];
  for (const property of [...properties].sort()) {
    const inExisting = property in existing.inputs;
    const inPlan = property in planned;
    if (!inExisting && !existing.complete) continue;
    if (!inPlan && existing.defaulted.includes(property)) continue;
    const before = existing.inputs[property] ?? undefined;
    const after = planned[property] ?? undefined;
    if (isSecret(before) || isSecret(after)) {
      changes.push({ property, before: hidden, after: hidden, replaces: replacesOnChange(type, property), secret: true });
      continue;
    }
    const kind = documentInputs[property];
    const documents = kind ? { before: parseDocument(before), after: parseDocument(after) } : undefined;
    const same =
      documents?.before && documents.after
        ? canonical(documents.before) === canonical(documents.after)
        : canonical(effective(type, property, before)) === canonical(effective(type, property, after));
    if (same) continue;
    const change: PropertyChange = { property, replaces: replacesOnChange(type, property) };
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    if (kind && documents?.before && documents.after) change.policy = policyChange(kind, name, documents.before, documents.after);
    changes.push(change);
  }
  return changes;
}
