import { asList, type PolicyDocumentJson, type StatementJson } from "@ml-iam/iam";
import { matchesIamPattern } from "@ml-iam/iam";
import type { PlanPrincipal } from "./plan-principals";

/** Which statement allows a request, and whether only under conditions. */
export interface Grant {
  policy: string;
  statement: number;
  sid?: string;
  conditional: boolean;
}

function statementMatches(statement: StatementJson, action: string, resource: string): boolean {
  const actionHit = statement.Action !== undefined
    ? asList(statement.Action).some((pattern) => matchesIamPattern(pattern, action, { caseInsensitive: true }))
    : !asList(statement.NotAction).some((pattern) => matchesIamPattern(pattern, action, { caseInsensitive: true }));
  if (!actionHit) return false;
  if (statement.Resource !== undefined) return asList(statement.Resource).some((pattern) => matchesIamPattern(pattern, resource));
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some((pattern) => matchesIamPattern(pattern, resource));
  return false;
}

/**
 * The first Allow of the documents matching the request, or the first unconditional one when there is one (the
 * request is then allowed whatever the conditions), unless an unconditional Deny matches it.
 */
export function findGrant(documents: readonly { name: string; document?: PolicyDocumentJson }[], action: string, resource: string): Grant | undefined {
  let grant: Grant | undefined;
  let denied = false;
  for (const { name, document } of documents) {
    asList(document?.Statement).forEach((statement, index) => {
      if (!statementMatches(statement, action, resource)) return;
      if (statement.Effect === "Deny" && statement.Condition === undefined) denied = true;
      if (statement.Effect === "Allow" && (!grant || (grant.conditional && statement.Condition === undefined))) {
        grant = { policy: name, statement: index, sid: statement.Sid, conditional: statement.Condition !== undefined };
      }
    });
  }
  return denied ? undefined : grant;
}

/**
 * Whether a principal's policies allow an action on a resource, within its boundary, with conditions
 * assumed satisfiable: an over-approximation that answers "could this principal ever do this?".
 */
export function principalGrant(principal: PlanPrincipal, action: string, resource: string): Grant | undefined {
  const grant = findGrant(principal.policies, action, resource);
  if (!grant || !principal.boundary?.document) return grant;
  return findGrant([{ name: principal.boundary.name, document: principal.boundary.document }], action, resource) ? grant : undefined;
}
