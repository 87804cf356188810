import { accessMatrix, diffPlanAccess } from "@ml-iam/analysis";
import { parsePlanFile, type PlanFile } from "@ml-iam/plan";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Measurement } from "./measurement";

/** Every stack's plan of an env from a plan directory (`npm run plan` writes them). */
export function readPlans(planDirectory: string, env: string): PlanFile[] {
  return readdirSync(planDirectory)
    .map((stack) => join(planDirectory, stack, `${env}.json`))
    .filter(existsSync)
    .map((file) => parsePlanFile(readFileSync(file, "utf8"), file));
}

function time(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Timings in ms of the access matrix of the dev plans, and of the access diff of dev against prod, plans already built. */
export interface AccessAnalysisTimings {
  stacks: number;
  matrix: number[];
  diff: number[];
}

/** Times the access matrix of the dev plans and the access diff of dev against prod, `runs` times each. */
export function timeAccessAnalysis(planDirectory: string, runs: number): AccessAnalysisTimings {
  const dev = readPlans(planDirectory, "dev");
  const prod = readPlans(planDirectory, "prod");
  if (dev.length === 0 || prod.length === 0) throw new Error(`no dev and prod plans in ${planDirectory}: run npm run plan first`);
  return {
    stacks: dev.length,
    matrix: Array.from({ length: runs }, () => time(() => accessMatrix(dev))),
    diff: Array.from({ length: runs }, () => time(() => diffPlanAccess(dev, prod))),
  };
}

/** The access matrix of the dev plans, and the access diff of dev against prod, timed with plans already built. */
export function accessAnalysisMeasurements(planDirectory: string, runs: number): Measurement[] {
  const timings = timeAccessAnalysis(planDirectory, runs);
  return [
    {
      name: `access matrix of ${timings.stacks} stacks' plans`,
      unit: "ms",
      runs: timings.matrix,
      target: { max: 2_000, label: "< 2 s" },
    },
    {
      name: `access diff of two sets of ${timings.stacks} stacks' plans (dev → prod)`,
      unit: "ms",
      runs: timings.diff,
      target: { max: 2_000, label: "< 2 s" },
    },
  ];
}
