import { asList, type PolicyDocumentJson } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { accessMatrix, principalsAccess } from "./access-matrix";
import { documentFindings, findingKey, planFindings, type PlanFinding } from "./plan-findings";
import { compareEntries, type AccessOptions, type PrincipalAccess } from "./principal-access";

/** A stack's proven workflow, as the diff compares it: what it proves for whom, and how. */
export interface WorkflowSummary {
  stack: string;
  name: string;
  subject: string;
  expect: "allowed" | "denied";
  passed: boolean;
  /** How many requests (steps times principals) it decides. */
  requests: number;
  /** Every request and its decision, so a change to any of them shows as a change of the workflow. */
  decisions: string[];
}

/** What the diff compares on each side: everyone's access, every document's findings, every proven workflow. */
export interface AccessSnapshot {
  access: PrincipalAccess[];
  findings: PlanFinding[];
  workflows: WorkflowSummary[];
}

/** How a workflow changed between base and head: proven on one side only, or decided differently. */
export interface WorkflowChange {
  stack: string;
  name: string;
  subject: string;
  change: "added" | "removed" | "changed";
  base?: Pick<WorkflowSummary, "passed" | "requests">;
  head?: Pick<WorkflowSummary, "passed" | "requests">;
  /** For a changed workflow: the requests head decides that base did not decide so, and the reverse. */
  decidedNow: string[];
  decidedBefore: string[];
}

/** An (action, resource) pair that changed. */
export interface AccessChange {
  action: string;
  resource: string;
  /** Whether the side that has it (head for granted, base for revoked) allows it only under conditions. */
  conditional: boolean;
  /** Set when the pair is on both sides and only its conditions changed: "removed" widens, "added" narrows. */
  conditionChange?: "removed" | "added";
}

/** How one principal's access changed. */
export interface PrincipalAccessChange {
  principal: string;
  stack: string;
  kind: PrincipalAccess["kind"];
  name: string;
  /** "added" and "removed" principals exist on one side only; their pairs are all granted or all revoked. */
  change: "added" | "removed" | "changed";
  granted: AccessChange[];
  revoked: AccessChange[];
}

/** Access and findings of head compared with base. */
export interface AccessDiff {
  /** Principals whose access changed, sorted by stack, then ARN. */
  principals: PrincipalAccessChange[];
  findings: { new: PlanFinding[]; resolved: PlanFinding[] };
  /** Workflows whose result changed, sorted by stack and name. */
  workflows: WorkflowChange[];
}

/** The proven workflows of a plan set, for the diff. */
export function workflowSummaries(plans: readonly PlanFile[]): WorkflowSummary[] {
  return plans.flatMap((plan) =>
    plan.workflows.map((workflow) => ({
      stack: plan.stack,
      name: workflow.name,
      subject: workflow.subject,
      expect: workflow.expect,
      passed: workflow.passed,
      requests: workflow.steps.length,
      decisions: workflow.steps.map((step) => `${step.action} on ${step.resource} as ${step.principal}: ${step.decision}`),
    })),
  );
}

/** The access matrix, findings and proven workflows of a plan set. */
export function accessSnapshot(plans: readonly PlanFile[], options: AccessOptions = {}): AccessSnapshot {
  return { access: accessMatrix(plans, options), findings: planFindings(plans), workflows: workflowSummaries(plans) };
}

/**
 * A bare policy document as a snapshot: one principal, named after the file, holding just that policy.
 * A document whose statements name a Principal is validated as a trust policy, any other as identity.
 */
export function policyAccessSnapshot(name: string, document: unknown, options: AccessOptions = {}): AccessSnapshot {
  const isObject = typeof document === "object" && document !== null && !Array.isArray(document);
  const statements = isObject ? asList((document as PolicyDocumentJson).Statement) : [];
  const isTrust = statements.some((statement) => typeof statement === "object" && statement !== null && ("Principal" in statement || "NotPrincipal" in statement));
  const principal = {
    stack: "",
    kind: "role" as const,
    name,
    arn: name,
    tags: {},
    policies: [{ name, document: isObject ? (document as PolicyDocumentJson) : undefined }],
  };
  const access = principalsAccess([principal], options).map((row) => ({ ...row, kind: "policy" as const }));
  return { access, findings: documentFindings([{ stack: "", owner: name, kind: isTrust ? "trust" : "identity", document }]), workflows: [] };
}

const pairKey = (entry: { action: string; resource: string }) => `${entry.action}\n${entry.resource}`;

function diffPrincipal(base: PrincipalAccess | undefined, head: PrincipalAccess | undefined): PrincipalAccessChange | undefined {
  const row = (head ?? base)!;
  const before = new Map((base?.entries ?? []).map((entry) => [pairKey(entry), entry]));
  const after = new Map((head?.entries ?? []).map((entry) => [pairKey(entry), entry]));
  const granted: AccessChange[] = [];
  const revoked: AccessChange[] = [];
  for (const [key, entry] of after) {
    const old = before.get(key);
    if (!old) granted.push({ action: entry.action, resource: entry.resource, conditional: entry.conditional });
    else if (old.conditional && !entry.conditional) granted.push({ action: entry.action, resource: entry.resource, conditional: false, conditionChange: "removed" });
  }
  for (const [key, entry] of before) {
    const now = after.get(key);
    if (!now) revoked.push({ action: entry.action, resource: entry.resource, conditional: entry.conditional });
    else if (!entry.conditional && now.conditional) revoked.push({ action: entry.action, resource: entry.resource, conditional: false, conditionChange: "added" });
  }
  const change = !base ? "added" : !head ? "removed" : "changed";
  if (change === "changed" && granted.length === 0 && revoked.length === 0) return undefined;
  return {
    principal: row.principal,
    stack: row.stack,
    kind: row.kind,
    name: row.name,
    change,
    granted: granted.sort(compareEntries),
    revoked: revoked.sort(compareEntries),
  };
}

function diffFindings(base: readonly PlanFinding[], head: readonly PlanFinding[]): AccessDiff["findings"] {
  const baseKeys = new Set(base.map(findingKey));
  const headKeys = new Set(head.map(findingKey));
  return {
    new: head.filter((finding) => !baseKeys.has(findingKey(finding))),
    resolved: base.filter((finding) => !headKeys.has(findingKey(finding))),
  };
}

/**
 * What head grants that base did not and what it revokes, per principal matched by ARN (principals on one
 * side only are added or removed), and the findings head has that base did not and the reverse.
 */
export function diffAccess(base: AccessSnapshot, head: AccessSnapshot): AccessDiff {
  const baseRows = new Map(base.access.map((row) => [row.principal, row]));
  const headRows = new Map(head.access.map((row) => [row.principal, row]));
  const arns = [...new Set([...baseRows.keys(), ...headRows.keys()])];
  const principals = arns
    .map((arn) => diffPrincipal(baseRows.get(arn), headRows.get(arn)))
    .filter((change): change is PrincipalAccessChange => change !== undefined)
    .sort((a, b) => (a.stack < b.stack ? -1 : a.stack > b.stack ? 1 : a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0));
  return { principals, findings: diffFindings(base.findings, head.findings), workflows: diffWorkflows(base.workflows, head.workflows) };
}

/** Workflows proven on one side only, or whose requests are decided differently, matched by stack, name and subject. */
function diffWorkflows(base: readonly WorkflowSummary[], head: readonly WorkflowSummary[]): WorkflowChange[] {
  const key = (workflow: WorkflowSummary) => `${workflow.stack}\n${workflow.name}\n${workflow.subject}`;
  const baseByKey = new Map(base.map((workflow) => [key(workflow), workflow]));
  const headByKey = new Map(head.map((workflow) => [key(workflow), workflow]));
  const changes: WorkflowChange[] = [];
  for (const id of [...new Set([...baseByKey.keys(), ...headByKey.keys()])].sort()) {
    const before = baseByKey.get(id);
    const after = headByKey.get(id);
    const side = (workflow: WorkflowSummary | undefined) => (workflow ? { passed: workflow.passed, requests: workflow.requests } : undefined);
    const beforeSet = new Set(before?.decisions ?? []);
    const afterSet = new Set(after?.decisions ?? []);
    const decidedNow = [...afterSet].filter((decision) => !beforeSet.has(decision));
    const decidedBefore = [...beforeSet].filter((decision) => !afterSet.has(decision));
    const change = before === undefined ? "added" : after === undefined ? "removed" : before.passed !== after.passed || decidedNow.length > 0 || decidedBefore.length > 0 ? "changed" : undefined;
    if (change === undefined) continue;
    const { stack, name, subject } = (after ?? before)!;
    changes.push({ stack, name, subject, change, base: side(before), head: side(after), decidedNow: change === "changed" ? decidedNow : [], decidedBefore: change === "changed" ? decidedBefore : [] });
  }
  return changes;
}

/** The diff of two plan sets of the same env. */
export function diffPlanAccess(base: readonly PlanFile[], head: readonly PlanFile[], options: AccessOptions = {}): AccessDiff {
  return diffAccess(accessSnapshot(base, options), accessSnapshot(head, options));
}

/** Whether nothing changed: no principal's access, no finding, no workflow. */
export function isEmptyAccessDiff(diff: AccessDiff): boolean {
  return diff.principals.length === 0 && diff.findings.new.length === 0 && diff.findings.resolved.length === 0 && diff.workflows.length === 0;
}
