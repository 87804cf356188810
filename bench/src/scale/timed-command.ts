import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/**
 * Runs a command to its end, timing it and sampling its process tree's resident memory every `sampleMs`. Its
 * output goes to files, not pipes: a process that exits right after a burst of output (Nx printing a hundred
 * cached tasks) can lose the end of what it wrote to a pipe, and with it the summary a benchmark reads.
 */
export function runTimed(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<TimedRun> {
  const directory = mkdtempSync(join(tmpdir(), "timed-command-"));
  const files = { stdout: join(directory, "stdout"), stderr: join(directory, "stderr") };
  const descriptors = { stdout: openSync(files.stdout, "w"), stderr: openSync(files.stderr, "w") };
  const finish = () => {
    closeSync(descriptors.stdout);
    closeSync(descriptors.stderr);
    const output = { stdout: readFileSync(files.stdout, "utf8"), stderr: readFileSync(files.stderr, "utf8") };
    rmSync(directory, { recursive: true, force: true });
    return output;
  };
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", descriptors.stdout, descriptors.stderr] });
    let peak: number | undefined;
    const sample = () => {
      const bytes = child.pid === undefined ? undefined : processTreeResidentBytes(child.pid);
      if (bytes !== undefined) peak = Math.max(peak ?? 0, bytes);
    };
    const sampler = setInterval(sample, options.sampleMs ?? 50);
    child.on("error", (error) => {
      clearInterval(sampler);
      finish();
      reject(error);
    });
    child.on("close", (status) => {
      clearInterval(sampler);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ ms, peakMb: peak === undefined ? undefined : peak / 1024 / 1024, status, ...finish() });
    });
  });
}
