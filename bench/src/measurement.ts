/** One benchmark's result: what was measured, the median and spread of its runs, and the target. */
export interface Measurement {
  name: string;
  unit: "ms" | "MB";
  runs: number[];
  target?: { max: number; label: string };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Whether a measurement's median meets its target, or "-" when it has none. */
export function verdict(measurement: Measurement): string {
  if (!measurement.target) return "-";
  return median(measurement.runs) <= measurement.target.max ? "met" : "MISSED";
}

/** The results as a Markdown table, medians first. */
export function renderResults(measurements: readonly Measurement[], header: string): string {
  const rows = measurements.map((m) => {
    const runs = m.runs.map((r) => Math.round(r)).join(", ");
    return `| ${m.name} | ${Math.round(median(m.runs))} ${m.unit} | ${runs} | ${m.target?.label ?? "-"} | ${verdict(m)} |`;
  });
  return [header, "", "| benchmark | median | runs | target | |", "| --- | --- | --- | --- | --- |", ...rows, ""].join("\n");
}
