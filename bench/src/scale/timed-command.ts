import { spawn } from "node:child_process";
import { processTreeResidentBytes } from "./process-tree-memory";

/** A finished command: its wall time, the peak resident memory of its process tree, and what it printed. */
export interface TimedRun {
  ms: number;
  /** Undefined where the process tree cannot be read (no /proc). */
  peakMb?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, timing it and sampling its process tree's resident memory every `sampleMs`. */
export function runTimed(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let peak: number | undefined;
    const sample = () => {
      const bytes = child.pid === undefined ? undefined : processTreeResidentBytes(child.pid);
      if (bytes !== undefined) peak = Math.max(peak ?? 0, bytes);
    };
    const sampler = setInterval(sample, options.sampleMs ?? 50);
    child.on("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on("close", (status) => {
      clearInterval(sampler);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ ms, peakMb: peak === undefined ? undefined : peak / 1024 / 1024, status, stdout, stderr });
    });
  });
}
