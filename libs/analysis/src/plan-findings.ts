import { asList, validatePolicy, type Finding, type PolicyDocumentJson, type PolicyKind } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { planDocuments, type PlanDocument } from "./plan-documents";

/** A finding of one of a plan set's documents, with the document it is in. */
export interface PlanFinding extends Finding {
  stack: string;
  /** The document's owner, as {@link PlanDocument.owner}. */
  policy: string;
  kind: PolicyKind;
  /** The statement's Sid when it has one: stabler than its index when statements are added before it. */
  sid?: string;
}

// Base and head share most documents, and a plan run validates each stack's documents again: validate once.
const findingsByDocument = new Map<string, readonly Finding[]>();

function findingsOf(document: unknown, kind: PolicyKind): readonly Finding[] {
  const key = `${kind}\n${JSON.stringify(document)}`;
  let findings = findingsByDocument.get(key);
  if (findings === undefined) {
    // validatePolicy reports documents that are not objects (INVALID_DOCUMENT) rather than trusting the type.
    findings = Object.freeze(validatePolicy(document as PolicyDocumentJson, { kind }));
    findingsByDocument.set(key, findings);
  }
  return findings;
}

function sidOf(document: unknown, statement: number | undefined): string | undefined {
  if (statement === undefined || typeof document !== "object" || document === null) return undefined;
  const sid = asList((document as PolicyDocumentJson).Statement)[statement]?.Sid;
  return typeof sid === "string" ? sid : undefined;
}

/** validatePolicy over documents, each finding naming its document. */
export function documentFindings(documents: readonly PlanDocument[]): PlanFinding[] {
  return documents.flatMap((document) =>
    findingsOf(document.document, document.kind).map((finding) => {
      const sid = sidOf(document.document, finding.statement);
      return { ...finding, stack: document.stack, policy: document.owner, kind: document.kind, ...(sid ? { sid } : {}) };
    }),
  );
}

/**
 * Every finding of every policy document of a plan set: identity, inline, trust and boundary documents; only
 * the documents of `stacks` when given (the other plans still tell which policies are boundaries).
 */
export function planFindings(plans: readonly PlanFile[], options: { stacks?: readonly string[] } = {}): PlanFinding[] {
  const { stacks } = options;
  const documents = planDocuments(plans);
  return documentFindings(stacks ? documents.filter((document) => stacks.includes(document.stack)) : documents);
}

/** What makes two findings the same across plan sets: document, code, statement (Sid or index), action, resource. */
export function findingKey(finding: PlanFinding): string {
  return [finding.policy, finding.code, finding.sid ?? finding.statement ?? "", finding.action ?? "", finding.resource ?? ""].join("\n");
}
