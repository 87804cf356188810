import { simulate } from "@ml-iam/analysis";
import { generateSimulationCases, simulateWithOracleUnchecked, type SimulationCase } from "@ml-iam/simulation-oracle";
import type { Measurement } from "./measurement";

/** Cases from the differential test's generator with a fixed seed: requests with their identity policies and boundaries. */
export function benchmarkCases(count = 1000): SimulationCase[] {
  return generateSimulationCases(7, count);
}

function timeLoop(cases: readonly SimulationCase[], count: number, evaluate: (simulationCase: SimulationCase) => unknown): number {
  if (cases.length === 0) throw new Error("no cases to time");
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index++) evaluate(cases[index % cases.length]!);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const engine = ({ request, policies }: SimulationCase) => simulate(request, policies);
const oracle = ({ request, policies }: SimulationCase) => simulateWithOracleUnchecked(request, policies);

/** Milliseconds for the engine's first evaluation of each case, which compiles the case's documents. */
export function timeCompilation(cases: readonly SimulationCase[]): number {
  return timeLoop(cases, cases.length, engine);
}

/**
 * Milliseconds for `count` evaluations by the engine, cycling through the cases. Each case is evaluated
 * once before the clock starts, so that what is timed is evaluation of compiled documents, as in an
 * analysis that asks many questions of the same policies; {@link timeCompilation} times the first pass.
 */
export function timeEvaluations(cases: readonly SimulationCase[], count: number): number {
  timeLoop(cases, cases.length, engine);
  return timeLoop(cases, count, engine);
}

/** Milliseconds for the same evaluations by iam-simulate without validation, its fastest path (it reads the documents on every call). */
export function timeOracleEvaluations(cases: readonly SimulationCase[], count: number): number {
  return timeLoop(cases, count, oracle);
}

/** The engine's compile and evaluation times (`runs` each) and the oracle's evaluation time (once: it is slow) for `count` evaluations. */
export function simulationMeasurements(count: number, runs: number): Measurement[] {
  const label = `${count.toLocaleString("en-US")} IAM evaluations`;
  const cases = benchmarkCases();
  return [
    {
      name: `simulation: compile the documents of ${cases.length.toLocaleString("en-US")} cases`,
      unit: "ms",
      runs: Array.from({ length: runs }, () => timeCompilation(benchmarkCases())),
    },
    { name: `simulation: ${label}, analysis engine`, unit: "ms", runs: Array.from({ length: runs }, () => timeEvaluations(cases, count)), target: { max: 3_000, label: "< 3 s" } },
    { name: `simulation: ${label}, iam-simulate (unvalidated)`, unit: "ms", runs: [timeOracleEvaluations(cases, count)] },
  ];
}
