import { renderScaleResults, scaleVerdict, type ScaleMeasurement } from "./scale-results";

const measured = (runs: Record<number, number[]>, target?: ScaleMeasurement["target"]): ScaleMeasurement => ({
  name: "plan",
  unit: "ms",
  runs: new Map(Object.entries(runs).map(([size, values]) => [Number(size), values])),
  target,
});

describe("scale benchmark results", () => {
  it.each([
    [{ 4: [1000], 100: [59_000, 61_000, 58_000] }, "met"],
    [{ 4: [1000], 100: [61_000, 62_000, 58_000] }, "MISSED"],
  ])("judges an absolute target on the largest workspace's median: %j is %s", (runs, expected) => {
    expect(scaleVerdict(measured(runs, { max: 60_000, label: "< 60 s" }))).toBe(expected);
  });

  it.each([
    [{ 4: [1000, 900, 1100], 25: [5000], 100: [1190, 1200, 1150] }, "met"],
    [{ 4: [1000, 900, 1100], 25: [900], 100: [1210, 1250, 1300] }, "MISSED"],
  ])("judges a relative target against the smallest workspace, whatever lies between: %j is %s", (runs, expected) => {
    expect(scaleVerdict(measured(runs, { maxRatioToSmallest: 1.2, label: "within 20 % of N = 4" }))).toBe(expected);
  });

  it("gives no verdict without a target, or for a relative one with a single size", () => {
    expect(scaleVerdict(measured({ 100: [5] }))).toBe("-");
    expect(scaleVerdict(measured({ 100: [5] }, { maxRatioToSmallest: 1.2, label: "x" }))).toBe("-");
  });

  it("renders a column per size, with the median, the runs and a dash where a size was not measured", () => {
    const table = renderScaleResults(
      [measured({ 4: [1200.4, 1100.6, 1300], 100: [2000] }, { max: 60_000, label: "< 60 s" }), { ...measured({ 25: [12] }), name: "affected", unit: "projects" }],
      "## Scale",
    );
    expect(table.split("\n")).toEqual([
      "## Scale",
      "",
      "| benchmark | N = 4 | N = 25 | N = 100 | target at N = 100 | |",
      "| --- | --- | --- | --- | --- | --- |",
      "| plan | 1200 ms (1200, 1101, 1300) | - | 2000 ms | < 60 s | met |",
      "| affected | - | 12 | - | - | - |",
      "",
    ]);
  });
});
