import { simulate, type MatchedStatement, type SimulationResult } from "@ml-iam/analysis";
import { knownDisagreements, type KnownDisagreement } from "./known-disagreements";
import { simulateWithOracle, type OracleOutcome } from "./oracle-simulation";
import { generateSimulationCases, type SimulationCase } from "./simulation-case-generator";

/*
 * Differential test of the analysis engine against iam-simulate, an independent implementation of IAM's
 * evaluation logic. Generated cases (seeded, so every run sees the same ones) are decided by both; the
 * decisions and the statements found to apply must be the same. Where iam-simulate departs from AWS's
 * documentation, the case goes to it rewritten into an equivalent it reads as documented (see
 * known-disagreements.ts), and the test checks that each listed disagreement still shows without its rewrite.
 * SIMULATION_ORACLE_REPORT=1 prints how the decisions spread and how often each rewrite applied.
 */

const seed = 20_260_924;
const caseCount = 4000;

/** AWS puts into a request's context only the keys that apply to its action and resource; so does the oracle. */
function withoutContextKeys(simulationCase: SimulationCase, keys: readonly string[]): SimulationCase {
  if (keys.length === 0) return simulationCase;
  const context = Object.fromEntries(Object.entries(simulationCase.request.context ?? {}).filter(([key]) => !keys.includes(key)));
  return { request: { ...simulationCase.request, context }, policies: simulationCase.policies };
}

function rewriteAll(simulationCase: SimulationCase, rewrites: readonly KnownDisagreement[]): SimulationCase {
  return rewrites.reduce((rewritten, known) => known.rewrite(rewritten), simulationCase);
}

function sorted(matched: readonly MatchedStatement[]): MatchedStatement[] {
  const order = (m: MatchedStatement) => `${m.policy}/${String(m.document).padStart(3, "0")}/${String(m.statement).padStart(3, "0")}`;
  return [...matched].sort((a, b) => order(a).localeCompare(order(b)));
}

async function oracleOutcome(simulationCase: SimulationCase): Promise<Exclude<OracleOutcome, { error: string }>> {
  const outcome = await simulateWithOracle(simulationCase.request, simulationCase.policies);
  if ("error" in outcome) throw new Error(`the oracle rejected a generated case: ${outcome.error}\n${JSON.stringify(simulationCase)}`);
  return outcome;
}

function agrees(engine: SimulationResult, oracle: Exclude<OracleOutcome, { error: string }>): boolean {
  return engine.decision === oracle.decision && JSON.stringify(sorted(engine.matched)) === JSON.stringify(sorted(oracle.matched));
}

describe("the simulation engine against iam-simulate", () => {
  it(`agrees on the decision and the applying statements of ${caseCount} generated cases, known disagreements aside`, async () => {
    const disagreements: string[] = [];
    const decisions = new Map<string, number>();
    const observed = new Map(knownDisagreements.map((known) => [known.name, { rewritten: 0, disagreedWithoutRewrite: 0 }]));

    for (const generated of generateSimulationCases(seed, caseCount)) {
      const first = await oracleOutcome(generated);
      const applicable = withoutContextKeys(generated, first.ignoredContextKeys);
      const engine = simulate(applicable.request, applicable.policies);
      const applying = knownDisagreements.filter((known) => known.rewrite(applicable) !== applicable);
      const oracle = applying.length === 0 ? first : await oracleOutcome(rewriteAll(applicable, knownDisagreements));
      decisions.set(engine.decision, (decisions.get(engine.decision) ?? 0) + 1);
      if (!agrees(engine, oracle)) {
        disagreements.push(JSON.stringify({ engine, oracle: { decision: oracle.decision, matched: oracle.matched }, case: applicable }));
      }
      // Each rewrite left out in turn, until it has made a difference a few times: every listed disagreement is real.
      for (const known of applying) {
        const tally = observed.get(known.name)!;
        tally.rewritten++;
        if (tally.disagreedWithoutRewrite >= 3) continue;
        const withoutThis = await oracleOutcome(rewriteAll(applicable, knownDisagreements.filter((other) => other !== known)));
        if (!agrees(engine, withoutThis)) tally.disagreedWithoutRewrite++;
      }
    }

    if (process.env.SIMULATION_ORACLE_REPORT) console.log(JSON.stringify({ decisions: [...decisions], observed: [...observed] }));
    expect({ disagreements: disagreements.length, first: disagreements.slice(0, 3) }).toEqual({ disagreements: 0, first: [] });
    for (const decision of ["Allowed", "ExplicitlyDenied", "ImplicitlyDenied"]) {
      expect(decisions.get(decision) ?? 0).toBeGreaterThan(caseCount / 10);
    }
    for (const [name, tally] of observed) {
      expect({ name, observed: tally.disagreedWithoutRewrite > 0 }).toEqual({ name, observed: true });
    }
  });
});
