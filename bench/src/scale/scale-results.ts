import { median } from "../measurement";

/** What the largest workspace must meet: an absolute maximum, or a bound relative to the smallest workspace. */
export type ScaleTarget = { max: number; label: string } | { maxRatioToSmallest: number; label: string };

/** One benchmark taken at each workspace size: its runs by stack count. */
export interface ScaleMeasurement {
  name: string;
  unit: "ms" | "MB" | "projects" | "%";
  runs: Map<number, number[]>;
  /** Judged on the largest size measured. */
  target?: ScaleTarget;
}

/** Whether the largest size's median meets the target, "-" without a target or without the sizes to judge. */
export function scaleVerdict(measurement: ScaleMeasurement): "met" | "MISSED" | "-" {
  const { target } = measurement;
  const sizes = [...measurement.runs.keys()].sort((a, b) => a - b);
  if (!target || sizes.length === 0) return "-";
  const largest = median(measurement.runs.get(sizes.at(-1)!)!);
  if ("max" in target) return largest <= target.max ? "met" : "MISSED";
  if (sizes.length < 2) return "-";
  return largest <= median(measurement.runs.get(sizes[0]!)!) * target.maxRatioToSmallest ? "met" : "MISSED";
}

function cell(runs: readonly number[] | undefined, unit: ScaleMeasurement["unit"]): string {
  if (!runs || runs.length === 0) return "-";
  const value = `${Math.round(median(runs))}${unit === "projects" ? "" : ` ${unit}`}`;
  return runs.length === 1 ? value : `${value} (${runs.map((run) => Math.round(run)).join(", ")})`;
}

/** The results as a Markdown table: a column per workspace size with each median and its runs, then the target. */
export function renderScaleResults(measurements: readonly ScaleMeasurement[], header: string): string {
  const sizes = [...new Set(measurements.flatMap((m) => [...m.runs.keys()]))].sort((a, b) => a - b);
  const rows = measurements.map(
    (m) => `| ${m.name} | ${sizes.map((size) => cell(m.runs.get(size), m.unit)).join(" | ")} | ${m.target?.label ?? "-"} | ${scaleVerdict(m)} |`,
  );
  return [
    header,
    "",
    `| benchmark | ${sizes.map((size) => `N = ${size}`).join(" | ")} | target at N = ${sizes.at(-1) ?? "-"} | |`,
    `| --- | ${sizes.map(() => "---").join(" | ")} | --- | --- |`,
    ...rows,
    "",
  ].join("\n");
}
