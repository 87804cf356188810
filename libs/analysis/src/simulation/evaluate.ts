import type { PolicyDocumentJson } from "@ml-iam/iam";
import { compilePolicy } from "./compiled-policy";
import type { PrincipalMatch, RequestCaller } from "./principal-pattern";
import { prepareRequest, type PreparedRequest, type SimulationRequest } from "./request";

/** IAM's three answers: allowed, denied by a Deny statement, or denied for want of an Allow. */
export type SimulationDecision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/**
 * The policies that decide a request: the principal's identity policies and boundary, and the resource's own
 * policy (a role's trust policy, a bucket policy) when it has one, in the principal's account.
 */
export interface SimulationPolicies {
  identity: readonly PolicyDocumentJson[];
  boundary?: PolicyDocumentJson;
  /** The resource-based policy of the resource; its statements apply to the callers their Principal names. */
  resource?: PolicyDocumentJson;
  /** True when the resource policy must allow whatever else does: a role's trust policy for `sts:AssumeRole`. */
  resourceRequired?: boolean;
}

/** A statement that applies to the request: which policy and document (0-based), which statement, its effect. */
export interface MatchedStatement {
  policy: "identity" | "boundary" | "resource";
  document: number;
  statement: number;
  sid?: string;
  effect: "Allow" | "Deny";
}

/** The decision, and every statement that applies to the request (identity policies first, then the boundary, then the resource's). */
export interface SimulationResult {
  decision: SimulationDecision;
  matched: MatchedStatement[];
}

/**
 * Decides a request the way IAM evaluates policies for a principal and a resource in the same account: a Deny
 * that applies in any policy wins; otherwise the request is allowed when an identity policy allows it and, if
 * there is a boundary, the boundary allows it too; or when the resource's policy allows the caller by name
 * (a service, its ARN), within the boundary for an IAM principal. A resource policy that names the caller's
 * account only delegates to the account's identity policies. A required resource policy (a trust policy)
 * must allow in every case.
 * Documents are compiled once and cached (keyed by the document object), so repeated calls are cheap.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 */
export function simulate(request: SimulationRequest, policies: SimulationPolicies): SimulationResult {
  const prepared = prepareRequest(request);
  const matched: MatchedStatement[] = [];
  const identity = collectMatches("identity", policies.identity, prepared, matched);
  const boundary = policies.boundary ? collectMatches("boundary", [policies.boundary], prepared, matched) : undefined;
  const resource = policies.resource ? collectResourceMatches(policies.resource, prepared, request.caller ?? {}, matched) : undefined;
  let decision: SimulationDecision;
  const withinBoundary = boundary === undefined || boundary.allowed;
  const byIdentity = identity.allowed && withinBoundary;
  // A service is no IAM principal: no boundary limits what a resource policy grants it.
  const byResource = resource?.allowed === "direct" && (request.caller?.service !== undefined || withinBoundary);
  const resourceAllows = resource !== undefined && resource.allowed !== "none";
  if (identity.denied || boundary?.denied || resource?.denied) decision = "ExplicitlyDenied";
  else if (policies.resourceRequired && !resourceAllows) decision = "ImplicitlyDenied";
  else if (byIdentity || byResource) decision = "Allowed";
  else decision = "ImplicitlyDenied";
  return { decision, matched };
}

function record(matched: MatchedStatement[], policy: MatchedStatement["policy"], document: number, statement: { index: number; sid?: string; effect: "Allow" | "Deny" }): void {
  const { index, sid, effect } = statement;
  matched.push(sid === undefined ? { policy, document, statement: index, effect } : { policy, document, statement: index, sid, effect });
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
      record(matched, policy, documentIndex, statement);
    }
  }
  return { allowed, denied };
}

/** The statements of a resource policy that apply to the request and name its caller, and how they name it. */
function collectResourceMatches(
  document: PolicyDocumentJson,
  request: PreparedRequest,
  caller: RequestCaller,
  matched: MatchedStatement[],
): { allowed: PrincipalMatch; denied: boolean } {
  let allowed: PrincipalMatch = "none";
  let denied = false;
  for (const statement of compilePolicy(document).statementsFor(request.action)) {
    const named = statement.principal(caller);
    if (named === "none" || !statement.appliesTo(request)) continue;
    if (statement.effect === "Deny") denied = true;
    else if (allowed !== "direct") allowed = named;
    record(matched, "resource", 0, statement);
  }
  return { allowed, denied };
}
