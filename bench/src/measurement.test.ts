import { median, renderResults, verdict } from "./measurement";

describe("benchmark measurements", () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])("takes the median of %j as %d", (runs, expected) => {
    expect(median(runs)).toBe(expected);
  });

  it("refuses the median of nothing", () => {
    expect(() => median([])).toThrow("median of no values");
  });

  it("judges the median against the target", () => {
    expect(verdict({ name: "x", unit: "ms", runs: [9000, 11000, 9500], target: { max: 10000, label: "< 10 s" } })).toBe("met");
    expect(verdict({ name: "x", unit: "ms", runs: [12000, 11000, 9500], target: { max: 10000, label: "< 10 s" } })).toBe("MISSED");
  });

  it("renders a row per benchmark", () => {
    const table = renderResults([{ name: "plan", unit: "ms", runs: [1200.4, 1100.6, 1300] }], "# Results");
    expect(table).toContain("| plan | 1200 ms | 1200, 1101, 1300 | - | - |");
  });
});
