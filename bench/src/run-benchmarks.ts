import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { accessAnalysisMeasurements } from "./access-analysis-benchmark";
import { renderResults, type Measurement } from "./measurement";
import { simulationMeasurements } from "./simulation-benchmark";
import { timePersonaRendering } from "./persona-rendering";
import { timeCommand, typecheckedProjects, typecheckMemory, workspaceRoot } from "./workspace-commands";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const nx = join(workspaceRoot, "node_modules/.bin/nx");

async function main(): Promise<void> {
  const measurements: Measurement[] = [];
  const log = (m: Measurement) => {
    measurements.push(m);
    console.log(`${m.name}: ${m.runs.map((r) => Math.round(r)).join(", ")} ${m.unit}`);
  };

  log({
    name: "typecheck, whole workspace, empty Nx cache",
    unit: "ms",
    runs: Array.from({ length: runs }, () => timeCommand(nx, ["run-many", "-t", "typecheck", "--skip-nx-cache"])),
    target: { max: 10_000, label: "< 10 s" },
  });
  log({
    name: "typecheck, largest project's memory (tsc)",
    unit: "MB",
    runs: [Math.max(...typecheckedProjects().map(typecheckMemory))],
  });
  for (const [persona, times] of await timePersonaRendering(Math.max(runs, 10))) {
    log({ name: `persona ${persona}: build, validate, render`, unit: "ms", runs: times });
  }
  for (const measurement of simulationMeasurements(100_000, runs)) log(measurement);
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

  for (const measurement of accessAnalysisMeasurements(join(workspaceRoot, "dist/plan"), runs)) log(measurement);

  const date = new Date().toISOString().slice(0, 10);
  const header = `# Benchmarks ${date}\n\nMedians of ${runs} runs (persona rendering: ${Math.max(runs, 10)}) on this machine (${cpus().length} cores, Node ${process.version}).`;
  const table = renderResults(measurements, header);
  mkdirSync(join(workspaceRoot, "bench/results"), { recursive: true });
  const file = join(workspaceRoot, `bench/results/${date}.md`);
  writeFileSync(file, table);
  console.log(`\n${table}\nwritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
