import type { Finding } from "./finding";
import { normalizePolicy } from "./normalized-policy";
import type { PolicyDocumentJson, PolicyKind } from "./policy-json";
import { defaultQuotas, type Quotas } from "./quotas";
import { ruleRegistry } from "./rule-registry";
import type { Rule } from "./rules/rule";

/** How to validate a document. */
export interface ValidationOptions {
  kind: PolicyKind;
  quotas?: Partial<Quotas>;
  rules?: readonly Rule[];
}

/**
 * Runs every rule of the registry over a document and returns all findings, errors first, then by
 * statement. Rules other than INVALID_DOCUMENT only see structurally valid statements.
 */
export function validatePolicy(document: PolicyDocumentJson, options: ValidationOptions): Finding[] {
  const rules = options.rules ?? ruleRegistry;
  const quotas = { ...defaultQuotas, ...options.quotas };
  const isObject = typeof document === "object" && document !== null && !Array.isArray(document);
  const policy = isObject
    ? normalizePolicy(document)
    : { statements: [], json: JSON.stringify(document) ?? "" };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(options.kind)) continue;
    if (!isObject && rule.code !== "INVALID_DOCUMENT") continue;
    for (const hit of rule.check({ raw: document, policy, kind: options.kind, quotas })) {
      findings.push({ code: rule.code, severity: rule.severity, ...hit });
    }
  }
  const severityOrder = (f: Finding) => (f.severity === "error" ? 0 : 1);
  return findings.sort(
    (a, b) => severityOrder(a) - severityOrder(b) || (a.statement ?? -1) - (b.statement ?? -1),
  );
}
