import { runSimulation, runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { MatchedStatement, SimulationDecision, SimulationPolicies } from "@ml-iam/analysis";
import type { SimulationRequest } from "@ml-iam/analysis/src/simulation/request";

/** The account of the simulated principal; every resource is taken to be in it (no resource policies). */
export const oracleAccount = "111111111111";

/** What iam-simulate decided, the statements it found to apply, and the context keys it left out as not applying to the action. */
export type OracleOutcome =
  | { decision: SimulationDecision; matched: MatchedStatement[]; ignoredContextKeys: string[] }
  | { error: string };

interface OracleStatementAnalysis {
  policyId: string;
  statement: { index(): number; sid(): string | undefined; effect(): string };
}

/** The applying statements of one policy kind, numbered like the engine's: 0-based documents and statements. */
function matchedStatements(
  policy: MatchedStatement["policy"],
  analysis: { allowStatements: OracleStatementAnalysis[]; denyStatements: OracleStatementAnalysis[] } | undefined,
): MatchedStatement[] {
  return [...(analysis?.denyStatements ?? []), ...(analysis?.allowStatements ?? [])].map(({ policyId, statement }) => ({
    policy,
    document: policy === "boundary" ? 0 : Number(policyId.slice("identity-".length)),
    // iam-policy numbers statements from 1.
    statement: statement.index() - 1,
    ...(statement.sid() === undefined ? {} : { sid: statement.sid() }),
    effect: statement.effect() as MatchedStatement["effect"],
  }));
}

function toSimulation(request: SimulationRequest, policies: SimulationPolicies): Simulation {
  return {
    request: {
      principal: `arn:aws:iam::${oracleAccount}:role/simulated`,
      action: request.action,
      resource: { resource: request.resource, accountId: oracleAccount },
      // iam-simulate takes mutable lists; the request's are read-only.
      contextVariables: Object.fromEntries(Object.entries(request.context ?? {}).map(([key, value]) => [key, typeof value === "string" ? value : [...value]])),
    },
    identityPolicies: policies.identity.map((policy, index) => ({ name: `identity-${index}`, policy })),
    permissionBoundaryPolicies: policies.boundary ? [{ name: "boundary", policy: policies.boundary }] : undefined,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

/**
 * iam-simulate's validated simulation of a same-account request: it checks the policies, that the action
 * exists and the resource fits it, and keeps only context keys that apply to the action and resource.
 */
export async function simulateWithOracle(request: SimulationRequest, policies: SimulationPolicies): Promise<OracleOutcome> {
  const result = await runSimulation(toSimulation(request, policies), {});
  if (result.resultType === "error") return { error: JSON.stringify(result.errors) };
  if (result.resultType !== "single") return { error: `unexpected ${result.resultType} result for ${request.resource}` };
  const { analysis, ignoredContextKeys } = result.result;
  const matched = [...matchedStatements("identity", analysis.identityAnalysis), ...matchedStatements("boundary", analysis.permissionBoundaryAnalysis)];
  return { decision: result.overallResult, matched, ignoredContextKeys: ignoredContextKeys ?? [] };
}

/** iam-simulate's evaluation without validation or context filtering: the policies read as given, as the engine reads them. */
export function simulateWithOracleUnchecked(request: SimulationRequest, policies: SimulationPolicies): SimulationDecision {
  return runUnsafeSimulation(toSimulation(request, policies), {});
}
