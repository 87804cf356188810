import type { PolicyDocumentJson } from "@ml-iam/iam";
import { compilePolicy } from "./compiled-policy";
import { prepareRequest, type PreparedRequest, type SimulationRequest } from "./request";

/** IAM's three answers: allowed, denied by a Deny statement, or denied for want of an Allow. */
export type SimulationDecision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** The identity policies of a principal and, when it has one, its permissions boundary. */
export interface SimulationPolicies {
  identity: readonly PolicyDocumentJson[];
  boundary?: PolicyDocumentJson;
}

/** A statement that applies to the request: which policy and document (0-based), which statement, its effect. */
export interface MatchedStatement {
  policy: "identity" | "boundary";
  document: number;
  statement: number;
  sid?: string;
  effect: "Allow" | "Deny";
}

/** The decision, and every statement that applies to the request (identity policies first, then the boundary). */
export interface SimulationResult {
  decision: SimulationDecision;
  matched: MatchedStatement[];
}

/**
 * Decides a request the way IAM evaluates identity policies within a permissions boundary, for a principal
 * and a resource in the same account: a Deny that applies in any policy wins; otherwise the request is
 * allowed when an identity policy allows it and, if there is a boundary, the boundary allows it too.
 * Documents are compiled once and cached (keyed by the document object), so repeated calls are cheap.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function simulate(request: SimulationRequest, policies: SimulationPolicies): SimulationResult {
  const prepared = prepareRequest(request);
  const matched: MatchedStatement[] = [];
  const identity = collectMatches("identity", policies.identity, prepared, matched);
  const boundary = policies.boundary ? collectMatches("boundary", [policies.boundary], prepared, matched) : undefined;
  let decision: SimulationDecision;
  if (identity.denied || boundary?.denied) decision = "ExplicitlyDenied";
  else if (identity.allowed && (boundary === undefined || boundary.allowed)) decision = "Allowed";
  else decision = "ImplicitlyDenied";
  return { decision, matched };
}

function collectMatches(
  policy: MatchedStatement["policy"],
  documents: readonly PolicyDocumentJson[],
  request: PreparedRequest,
  matched: MatchedStatement[],
): { allowed: boolean; denied: boolean } {
  let allowed = false;
  let denied = false;
  for (let documentIndex = 0; documentIndex < documents.length; documentIndex++) {
    const statements = compilePolicy(documents[documentIndex]!).statementsFor(request.action);
    for (let index = 0; index < statements.length; index++) {
      const statement = statements[index]!;
      if (!statement.appliesTo(request)) continue;
      if (statement.effect === "Deny") denied = true;
      else allowed = true;
      const { index: position, sid, effect } = statement;
      matched.push(sid === undefined ? { policy, document: documentIndex, statement: position, effect } : { policy, document: documentIndex, statement: position, sid, effect });
    }
  }
  return { allowed, denied };
}
