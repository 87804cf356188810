import { nxEntryPoint, nxEnvironment } from "@ml-iam/tools/src/testing";
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AccessAnalysisTimings } from "../access-analysis-benchmark";
import { scaledWorkspace, type ScaledWorkspace } from "./scaled-workspace";
import type { ScaleMeasurement } from "./scale-results";
import { runTimed, type TimedRun } from "./timed-command";

/** What the scale benchmark measures, at which sizes, and where it reports progress. */
export interface ScaleBenchmarkOptions {
  /** Stack counts, smallest first: the first is the baseline of relative targets. */
  sizes: readonly number[];
  runs: number;
  /**
   * Only the cold plan rows (with and without workflow proofs, and its memory): the rest, the pull request's checks
   * above all (about 25 minutes at N = 100 here), is left out.
   */
  planOnly?: boolean;
  log(line: string): void;
}

/** The team stack the one-stack change edits: a leaf (no stack consumes it) in every scaled workspace. */
export const changedStack = "data-scientists";
/** The lib file the lib change edits: every stack depends on the IAM library. */
export const changedLibFile = "libs/iam/src/index.ts";

/** The benchmarks in the order of the table, with their targets. */
const benchmarks = {
  affectedOneStack: { name: "`nx show projects --affected`, one team stack changed", unit: "ms" },
  affectedOneStackCount: { name: "projects affected by a change to one team stack", unit: "projects" },
  affectedLib: { name: "`nx show projects --affected`, the IAM library changed", unit: "ms" },
  affectedLibCount: { name: "projects affected by a change to the IAM library", unit: "projects" },
  planOneStack: {
    name: "`nx affected -t plan`, one team stack changed (its upstream from the cache)",
    unit: "ms",
    target: { maxRatioToSmallest: 1.2, label: "within 20 % of the smallest N" },
  },
  planLib: { name: "`nx affected -t plan`, the IAM library changed (every stack)", unit: "ms" },
  checksLib: {
    name: "`nx affected -t typecheck test plan`, the IAM library changed: a pull request's checks (one run)",
    unit: "ms",
  },
  planCold: { name: "plan of every stack and env, empty Nx cache", unit: "ms", target: { max: 60_000, label: "< 60 s" } },
  planColdWithoutWorkflows: { name: "the same plan with no stack declaring workflows (measured right after it)", unit: "ms" },
  workflowProofShare: {
    name: "what proving every declared workflow adds to the cold plan, run by run",
    unit: "%",
    target: { max: 10, label: "≤ 10 %" },
  },
  planColdMemory: { name: "peak memory of that plan, Nx and its workers (resident, summed)", unit: "MB" },
  planCached: { name: "plan of every stack and env, from the Nx cache", unit: "ms", target: { max: 5_000, label: "< 5 s" } },
  accessMatrix: { name: "access matrix of every stack's plans (dev), plans built", unit: "ms" },
  accessDiff: { name: "access diff of two plan sets of every stack (dev → prod), plans built", unit: "ms", target: { max: 10_000, label: "< 10 s" } },
  accessMemory: { name: "peak memory of the access matrix and diff (one process)", unit: "MB" },
} satisfies Record<string, Omit<ScaleMeasurement, "runs">>;

type BenchmarkId = keyof typeof benchmarks;

/** Runs Nx in the workspace as users and CI do (no daemon), failing with its output unless it exits 0. */
async function nx(workspace: ScaledWorkspace, args: string[]): Promise<TimedRun> {
  const run = await runTimed(process.execPath, [nxEntryPoint(workspace.root), ...args], { cwd: workspace.root, env: nxEnvironment() });
  if (run.status !== 0) throw new Error(`nx ${args.join(" ")} exited ${run.status} in ${workspace.root}:\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** The cache hits Nx reports at the end of a run, as [hits, tasks]. */
function cacheHits(run: TimedRun): [number, number] {
  const match = /Cache:\s+(\d+)\/(\d+) hit/.exec(run.stdout);
  if (!match) throw new Error(`Nx printed no cache summary:\n${run.stdout}`);
  return [Number(match[1]), Number(match[2])];
}

/** Edits a file with a change no earlier run made, so that no cached result answers for it. */
function changeFile(workspace: ScaledWorkspace, file: string, label: string): void {
  appendFileSync(join(workspace.root, file), `\n// scale benchmark change ${label} ${process.hrtime.bigint()}\n`);
}

/** The stacks among the affected projects. */
function affectedStacks(run: TimedRun, workspace: ScaledWorkspace): string[] {
  return (JSON.parse(run.stdout) as string[]).filter((project) => workspace.stacks.includes(project)).sort();
}

/** Runs `measure` with every stack's `src/workflows.ts` removed, and puts them back whatever happens. */
async function withoutWorkflows<T>(workspace: ScaledWorkspace, measure: () => Promise<T>): Promise<T> {
  const files = workspace.stacks.map((stack) => join(workspace.root, "stacks", stack, "src/workflows.ts")).filter((file) => existsSync(file));
  if (files.length === 0) throw new Error(`no stack of the workspace at N = ${workspace.stacks.length} declares workflows: there is nothing to compare`);
  const contents = files.map((file) => readFileSync(file, "utf8"));
  files.forEach((file) => rmSync(file));
  try {
    return await measure();
  } finally {
    files.forEach((file, index) => writeFileSync(file, contents[index]!));
  }
}

/** Every measurement at one size, checked as it goes: a wrong selection or a failed plan stops the benchmark. */
async function measureSize(workspace: ScaledWorkspace, options: ScaleBenchmarkOptions, record: (id: BenchmarkId, value: number | undefined) => void) {
  const { runs, log } = options;
  const size = workspace.stacks.length;
  const times = Array.from({ length: runs }, (_, run) => run + 1);
  const emptyCache = () => ["dist", ".nx"].forEach((directory) => rmSync(join(workspace.root, directory), { recursive: true, force: true }));

  for (const run of times) {
    emptyCache();
    const cold = await nx(workspace, ["run-many", "-t", "plan", "--output-style=static"]);
    const [hits, tasks] = cacheHits(cold);
    if (hits !== 0 || tasks !== size) throw new Error(`the cold plan at N = ${size} ran ${tasks - hits} of ${size} plans`);
    record("planCold", cold.ms);
    record("planColdMemory", cold.peakMb);
    // Side by side: the same cold plan once more with every workflows.ts set aside, so the plan proves nothing.
    const unproven = await withoutWorkflows(workspace, async () => {
      emptyCache();
      return nx(workspace, ["run-many", "-t", "plan", "--output-style=static"]);
    });
    record("planColdWithoutWorkflows", unproven.ms);
    record("workflowProofShare", ((cold.ms - unproven.ms) / unproven.ms) * 100);
    log(`N = ${size}: cold plan ${run}: ${Math.round(cold.ms)} ms, ${Math.round(cold.peakMb ?? 0)} MB; without workflows ${Math.round(unproven.ms)} ms`);
  }
  if (options.planOnly) return;
  emptyCache();
  await nx(workspace, ["run-many", "-t", "plan", "--output-style=static"]);
  for (const stack of workspace.stacks) {
    for (const env of ["dev", "prod"]) {
      if (!existsSync(join(workspace.root, "dist/plan", stack, `${env}.json`))) throw new Error(`no plan of ${stack} (${env}) at N = ${size}`);
    }
  }
  for (const _ of times) {
    const cached = await nx(workspace, ["run-many", "-t", "plan", "--output-style=static"]);
    const [hits, tasks] = cacheHits(cached);
    if (hits !== tasks) throw new Error(`the cached plan at N = ${size} ran ${tasks - hits} plans`);
    record("planCached", cached.ms);
  }

  for (const [change, file, expected] of [
    ["OneStack", `stacks/${changedStack}/src/index.ts`, [changedStack]],
    ["Lib", changedLibFile, workspace.stacks],
  ] as const) {
    for (const run of times) {
      changeFile(workspace, file, `${size}-${run}`);
      try {
        const affected = await nx(workspace, ["show", "projects", "--affected", "--base=HEAD", "--json"]);
        const stacks = affectedStacks(affected, workspace);
        if (stacks.join() !== [...expected].sort().join()) throw new Error(`a change to ${file} at N = ${size} affected the stacks ${stacks.join(", ")}`);
        record(`affected${change}`, affected.ms);
        if (run === 1) record(`affected${change}Count`, (JSON.parse(affected.stdout) as string[]).length);
        const plan = await nx(workspace, ["affected", "-t", "plan", "--base=HEAD", "--output-style=static"]);
        const [hits, tasks] = cacheHits(plan);
        if (tasks - hits !== expected.length) throw new Error(`a change to ${file} at N = ${size} replanned ${tasks - hits} stacks, not ${expected.length}`);
        record(`plan${change}`, plan.ms);
        log(`N = ${size}: ${file} changed, run ${run}: affected ${Math.round(affected.ms)} ms, plan ${Math.round(plan.ms)} ms`);
      } finally {
        workspace.restore();
      }
    }
  }

  // What a pull request that changes a lib runs (lint is not affected: it reads only the project's own files).
  changeFile(workspace, changedLibFile, `${size}-checks`);
  try {
    const checks = await nx(workspace, ["affected", "-t", "typecheck", "test", "plan", "--base=HEAD", "--output-style=static"]);
    record("checksLib", checks.ms);
    log(`N = ${size}: ${changedLibFile} changed: typecheck, test and plan of the affected projects ${Math.round(checks.ms)} ms`);
  } finally {
    workspace.restore();
  }

  const analysis = spawnSync(
    process.execPath,
    ["-r", "@ml-iam/cli/bin/register-typescript.cjs", join(__dirname, "access-analysis-process.ts"), join(workspace.root, "dist/plan"), String(runs)],
    { encoding: "utf8", cwd: join(__dirname, "../..") },
  );
  if (analysis.status !== 0) throw new Error(`the access analysis at N = ${size} failed:\n${analysis.stderr}`);
  const timings = JSON.parse(analysis.stdout) as AccessAnalysisTimings & { maxRssMb: number };
  if (timings.stacks !== size) throw new Error(`the access analysis at N = ${size} read ${timings.stacks} stacks' plans`);
  timings.matrix.forEach((ms) => record("accessMatrix", ms));
  timings.diff.forEach((ms) => record("accessDiff", ms));
  record("accessMemory", timings.maxRssMb);
}

/**
 * The scale benchmark: for each size, a throwaway copy of the workspace with that many stacks (outside the
 * repository, removed after), in which Nx selects and plans what a change affects, plans everything cold and
 * from the cache, and the access analysis runs over the plans.
 */
export async function scaleMeasurements(options: ScaleBenchmarkOptions): Promise<ScaleMeasurement[]> {
  const measurements = new Map(
    Object.entries(benchmarks).map(([id, benchmark]) => [id as BenchmarkId, { ...benchmark, runs: new Map<number, number[]>() } as ScaleMeasurement]),
  );
  for (const size of options.sizes) {
    const started = Date.now();
    const workspace = scaledWorkspace(size);
    options.log(`N = ${size}: workspace with ${workspace.stacks.length} stacks in ${workspace.root} (${Date.now() - started} ms)`);
    const record = (id: BenchmarkId, value: number | undefined) => {
      if (value === undefined) return;
      const runs = measurements.get(id)!.runs;
      runs.set(size, [...(runs.get(size) ?? []), value]);
    };
    try {
      await measureSize(workspace, options, record);
    } finally {
      workspace.remove();
    }
  }
  const planRows: readonly BenchmarkId[] = ["planCold", "planColdWithoutWorkflows", "workflowProofShare", "planColdMemory"];
  return [...measurements].filter(([id]) => !options.planOnly || planRows.includes(id)).map(([, measurement]) => measurement);
}
