import { diffAccess, policyAccessSnapshot, type AccessChange } from "@ml-iam/analysis";
import { formatFinding, normalizePolicy, type NormalizedStatement, type PolicyDocumentJson, type PrincipalJson } from "@ml-iam/iam";

/** One grant as a document writes it: an effect, one action (pattern), one resource or principal, a condition. */
export interface WrittenGrant {
  effect: "Allow" | "Deny";
  /** An action or pattern as written, or `all but <pattern>` for a NotAction. */
  action: string;
  /** `on <resource>`, `on all but <resource>`, `for <type>:<principal>` or `for all but …`. */
  target: string;
  /** The statement's condition as `Operator key=value|value, …`, when it has one. */
  condition?: string;
}

/** How a policy document changes when its resource is adopted. */
export interface PolicyChange {
  kind: "identity" | "trust";
  /** Grants only the existing document writes. */
  removed: WrittenGrant[];
  /** Grants only the planned document writes. */
  added: WrittenGrant[];
  /**
   * Identity policies: the (action, resource) pairs the change revokes and grants, after the IAM data
   * expands wildcards and drops pairs that can never match (s3:ListBucket on object ARNs), and the
   * validation findings the change resolves or brings.
   */
  access?: {
    granted: AccessChange[];
    revoked: AccessChange[];
    newFindings: string[];
    resolvedFindings: string[];
  };
}

const sorted = (values: Iterable<string>) => [...values].sort();

function principalsOf(principal: PrincipalJson): string[] {
  if (principal === "*") return ["*"];
  return Object.entries(principal).flatMap(([type, values]) => (Array.isArray(values) ? values : [values]).map((value) => `${type}:${value}`));
}

function conditionText(statement: NormalizedStatement): string | undefined {
  if (statement.conditions.length === 0) return undefined;
  return statement.conditions.map((c) => `${c.operator} ${c.key}=${sorted(c.values).join("|")}`).sort().join(", ");
}

/** A grant as one line: `Allow s3:ListBucket on arn:aws:s3:::bucket when StringEquals aws:SourceAccount=1…`. */
export function grantText(grant: WrittenGrant): string {
  return `${grant.effect} ${grant.action} ${grant.target}${grant.condition ? ` when ${grant.condition}` : ""}`;
}

/** A document's grants as the statements write them, one per (effect, action, target, condition), sorted. */
export function writtenGrants(document: PolicyDocumentJson): WrittenGrant[] {
  const grants = new Map<string, WrittenGrant>();
  for (const statement of normalizePolicy(document).statements) {
    const actions = statement.actions ?? (statement.notActions ?? []).map((action) => `all but ${action}`);
    const targets = [
      ...(statement.resources ?? []).map((resource) => `on ${resource}`),
      ...(statement.notResources ?? []).map((resource) => `on all but ${resource}`),
      ...(statement.principal ? principalsOf(statement.principal).map((principal) => `for ${principal}`) : []),
      ...(statement.notPrincipal ? principalsOf(statement.notPrincipal).map((principal) => `for all but ${principal}`) : []),
    ];
    const condition = conditionText(statement);
    for (const action of actions) {
      for (const target of targets) {
        const grant: WrittenGrant = { effect: statement.effect, action, target, ...(condition ? { condition } : {}) };
        grants.set(grantText(grant), grant);
      }
    }
  }
  return sorted(grants.keys()).map((key) => grants.get(key)!);
}

/**
 * What adopting changes in a policy document: the grants as written on each side and, for identity
 * policies, the access the change revokes and grants (the analysis library's access diff of the two
 * documents held by one principal).
 */
export function policyChange(kind: "identity" | "trust", name: string, before: PolicyDocumentJson, after: PolicyDocumentJson): PolicyChange {
  const beforeGrants = writtenGrants(before);
  const afterGrants = writtenGrants(after);
  const beforeKeys = new Set(beforeGrants.map(grantText));
  const afterKeys = new Set(afterGrants.map(grantText));
  const change: PolicyChange = {
    kind,
    removed: beforeGrants.filter((grant) => !afterKeys.has(grantText(grant))),
    added: afterGrants.filter((grant) => !beforeKeys.has(grantText(grant))),
  };
  if (kind === "identity") {
    const diff = diffAccess(policyAccessSnapshot(name, before), policyAccessSnapshot(name, after));
    const principal = diff.principals[0];
    change.access = {
      granted: principal?.granted ?? [],
      revoked: principal?.revoked ?? [],
      newFindings: diff.findings.new.map(formatFinding),
      resolvedFindings: diff.findings.resolved.map(formatFinding),
    };
  }
  return change;
}
