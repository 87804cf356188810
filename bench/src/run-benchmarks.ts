import { rmSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { accessAnalysisMeasurements } from "./access-analysis-benchmark";
import { hostileInputMeasurements } from "./hostile-input-benchmark";
import { renderResults, type Measurement } from "./measurement";
import { timePersonaRendering } from "./persona-rendering";
import { writeResultsSection } from "./results-file";
import { scaleMeasurements } from "./scale/scale-benchmark";
import { renderScaleResults } from "./scale/scale-results";
import { simulationMeasurements } from "./simulation-benchmark";
import { timeCommand, typecheckedProjects, typecheckMemory, workspaceRoot } from "./workspace-commands";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const scaleSizes = (process.env.BENCH_SCALE_SIZES ?? "4,25,100").split(",").map(Number);
/** `BENCH_SCALE_ROWS=plan`: the scale suite's cold plan rows only (with and without workflow proofs). */
const scaleRows = process.env.BENCH_SCALE_ROWS ?? "";
const nx = join(workspaceRoot, "node_modules/.bin/nx");
const machine = `on this machine (${cpus().length} cores, Node ${process.version})`;

/** The workspace suite's groups of rows, in the order they run; `BENCH_ROWS=hostile-input,plan` runs only those. */
const workspaceRows = ["typecheck", "personas", "simulation", "plan", "access-analysis", "hostile-input"] as const;
const selectedRows = (process.env.BENCH_ROWS ?? "").split(",").filter(Boolean);
const runsRow = (row: (typeof workspaceRows)[number]) => selectedRows.length === 0 || selectedRows.includes(row);

/** The workspace suite: typecheck, persona rendering, simulation, the plan of this workspace and its access analysis. */
async function workspaceSection(): Promise<string> {
  const measurements: Measurement[] = [];
  const log = (m: Measurement) => {
    measurements.push(m);
    console.log(`${m.name}: ${m.runs.map((r) => Math.round(r)).join(", ")} ${m.unit}`);
  };

  if (runsRow("typecheck")) {
    log({
      name: "typecheck, whole workspace, empty Nx cache and no compiler output",
      unit: "ms",
      runs: Array.from({ length: runs }, () => {
        // tsc -b skips projects whose declarations are up to date: start every run from none.
        rmSync(join(workspaceRoot, "dist/out-tsc"), { recursive: true, force: true });
        return timeCommand(nx, ["run-many", "-t", "typecheck", "--skip-nx-cache"]);
      }),
      target: { max: 10_000, label: "< 10 s" },
    });
    log({
      name: "typecheck, largest project's memory (tsc)",
      unit: "MB",
      runs: [Math.max(...typecheckedProjects().map(typecheckMemory))],
    });
  }
  if (runsRow("personas")) {
    for (const [persona, times] of await timePersonaRendering(Math.max(runs, 10))) {
      log({ name: `persona ${persona}: build, validate, render`, unit: "ms", runs: times });
    }
  }
  if (runsRow("simulation")) for (const measurement of simulationMeasurements(100_000, runs)) log(measurement);
  if (runsRow("plan")) {
    log({
      name: "plan of every stack and env, empty Nx cache",
      unit: "ms",
      runs: Array.from({ length: runs }, () => timeCommand(nx, ["run-many", "-t", "plan", "--skip-nx-cache"])),
    });
    log({
      name: "plan of every stack and env, from the Nx cache",
      unit: "ms",
      runs: Array.from({ length: runs }, () => timeCommand(nx, ["run-many", "-t", "plan"])),
      target: { max: 5_000, label: "< 5 s" },
    });
  }
  if (runsRow("access-analysis")) for (const measurement of accessAnalysisMeasurements(join(workspaceRoot, "dist/plan"), runs)) log(measurement);
  // Hostile documents: at least 5 runs, as the pattern timings of one run vary with the machine's load.
  if (runsRow("hostile-input")) for (const measurement of hostileInputMeasurements(Math.max(runs, 5))) log(measurement);
  // A selection gets its own heading, so it never replaces a whole suite's results of the same day.
  const heading = selectedRows.length === 0 ? "## Workspace" : `## Workspace: ${selectedRows.join(", ")} (BENCH_ROWS)`;
  return renderResults(measurements, `${heading}\n\nMedians of ${runs} runs (persona rendering: ${Math.max(runs, 10)}; hostile input: ${Math.max(runs, 5)}) ${machine}.`);
}

/** The scale suite: throwaway copies of the workspace with N stacks. */
async function scaleSection(): Promise<string> {
  if (scaleRows !== "" && scaleRows !== "plan") throw new Error(`unknown BENCH_SCALE_ROWS ${scaleRows}: the one selection is plan`);
  const planOnly = scaleRows === "plan";
  const measurements = await scaleMeasurements({ sizes: scaleSizes, runs, planOnly, log: (line) => console.log(line) });
  const header = [
    planOnly ? "## Scale: plan (BENCH_SCALE_ROWS)" : "## Scale",
    "",
    `Throwaway copies of the workspace with N stacks (the repository's own, then teams from the team-stack generator), medians of`,
    `${runs} runs (each in brackets) ${machine}; Nx as in CI: no daemon, no remote cache. A one-stack change edits`,
    "stacks/data-scientists, a lib change libs/iam; `nx affected` compares with the last commit.",
  ].join("\n");
  return renderScaleResults(measurements, header);
}

const suites: Record<string, () => Promise<string>> = { workspace: workspaceSection, scale: scaleSection };

async function main(names: string[]): Promise<void> {
  const unknownRows = selectedRows.filter((row) => !(workspaceRows as readonly string[]).includes(row));
  if (unknownRows.length > 0) throw new Error(`unknown BENCH_ROWS ${unknownRows.join(", ")}: the workspace rows are ${workspaceRows.join(", ")}`);
  const unknown = names.filter((name) => !(name in suites));
  if (unknown.length > 0) throw new Error(`unknown benchmark suite ${unknown.join(", ")}: the suites are ${Object.keys(suites).join(", ")}`);
  const date = new Date().toISOString().slice(0, 10);
  const file = join(workspaceRoot, `bench/results/${date}.md`);
  for (const name of names.length > 0 ? names : Object.keys(suites)) {
    const section = await suites[name]!();
    writeResultsSection(file, `# Benchmarks ${date}`, section);
    console.log(`\n${section}\nwritten to ${file}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
