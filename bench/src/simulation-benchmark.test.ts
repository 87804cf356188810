import { benchmarkCases, simulationMeasurements, timeCompilation, timeEvaluations, timeOracleEvaluations } from "./simulation-benchmark";

describe("simulation benchmark", () => {
  it("times compilation, the engine against its target, and the oracle over the same cases", () => {
    const [compile, engine, oracle] = simulationMeasurements(200, 2);
    expect(compile?.runs).toHaveLength(2);
    expect(engine?.runs).toHaveLength(2);
    expect(engine?.target).toEqual({ max: 3_000, label: "< 3 s" });
    expect(oracle?.runs).toHaveLength(1);
    expect([compile, engine, oracle].flatMap((measurement) => measurement?.runs ?? []).every((ms) => ms > 0)).toBe(true);
  });

  it("generates the same cases from its seed every time", () => {
    expect(JSON.stringify(benchmarkCases(20))).toBe(JSON.stringify(benchmarkCases(20)));
  });

  it("refuses to time no cases", () => {
    expect(() => timeCompilation([])).toThrow("no cases to time");
    expect(() => timeEvaluations([], 10)).toThrow("no cases to time");
    expect(() => timeOracleEvaluations([], 10)).toThrow("no cases to time");
  });
});
