// Runs as a process of its own, so that its peak memory is the access analysis's alone:
//   node -r @ml-iam/cli/bin/register-typescript.cjs access-analysis-process.ts <plan directory> <runs>
// prints {"stacks", "matrix", "diff", "maxRssMb"} as JSON.
import { timeAccessAnalysis } from "../access-analysis-benchmark";

const [planDirectory, runs] = process.argv.slice(2);
if (!planDirectory || !runs) throw new Error("usage: access-analysis-process.ts <plan directory> <runs>");
const timings = timeAccessAnalysis(planDirectory, Number(runs));
// resourceUsage reports maxRSS in kilobytes.
process.stdout.write(JSON.stringify({ ...timings, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
