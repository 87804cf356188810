import type { Finding, Severity } from "../finding";
import type { NormalizedPolicy } from "../normalized-policy";
import type { PolicyDocumentJson, PolicyKind } from "../policy-json";
import type { Quotas } from "../quotas";

/** What a rule sees: the raw document, its normalized statements, its kind and the quotas in force. */
export interface RuleContext {
  raw: PolicyDocumentJson;
  policy: NormalizedPolicy;
  kind: PolicyKind;
  quotas: Quotas;
}

/** A finding before the registry stamps the rule's code and severity on it. */
export type RuleHit = Omit<Finding, "code" | "severity">;

/** One validation rule: a code, a severity, the exact trigger, and the check. */
export interface Rule {
  code: string;
  severity: Severity;
  /** When the rule fires, in one sentence (documented in the registry table). */
  trigger: string;
  /** Kinds of document the rule applies to; all kinds when omitted. */
  kinds?: readonly PolicyKind[];
  check(context: RuleContext): RuleHit[];
}
