export { knownDisagreements, type KnownDisagreement } from "./known-disagreements";
export { oracleAccount, simulateWithOracle, simulateWithOracleUnchecked, type OracleOutcome } from "./oracle-simulation";
export { SeededRandom } from "./seeded-random";
export { generateSimulationCases, type SimulationCase } from "./simulation-case-generator";
