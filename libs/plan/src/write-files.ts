import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { getSystemErrorMap } from "node:util";
import { PlanError } from "./plan-error";

/** Error codes (`ENOSPC`) in words (`no space left on device`), from the system's own table; read on first use. */
let systemErrors: Map<string, string> | undefined;

/**
 * What went wrong in a file system call, in one line: `no space left on device (ENOSPC)` for Node's errors,
 * the message (its lines joined) for anything else.
 */
export function describeFileError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
  systemErrors ??= new Map([...getSystemErrorMap().values()]);
  const words = code === undefined ? undefined : systemErrors.get(code);
  if (words !== undefined) return `${words} (${code})`;
  // Not `instanceof Error`: errors from another realm (a VM context, a worker) are errors too.
  const message = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return message.replace(/\s*[\r\n]+\s*/g, " ");
}

/**
 * A file could not be written (or created, renamed into place, removed) where the user asked: a read-only
 * directory, a full disk. One line naming the path and the cause; the failures of the cleanup that followed
 * are added to it, never in its place. `cause` is the file system's own error.
 */
export class FileWriteError extends Error {
  constructor(
    readonly action: "write" | "create directory" | "remove",
    readonly path: string,
    cause: unknown,
    readonly cleanupFailures: readonly FileWriteError[] = [],
  ) {
    super(describeWrite(action, path, cause, cleanupFailures, (shown) => shown), { cause });
    this.name = "FileWriteError";
  }

  /** The one line, with every path as `show` gives it (relative to where the user is, say). */
  describe(show: (path: string) => string): string {
    return describeWrite(this.action, this.path, this.cause, this.cleanupFailures, show);
  }
}

function describeWrite(action: string, path: string, cause: unknown, cleanupFailures: readonly FileWriteError[], show: (path: string) => string): string {
  const line = `cannot ${action} ${show(path)}: ${describeFileError(cause)}`;
  if (cleanupFailures.length === 0) return line;
  return `${line} (and the cleanup failed: ${cleanupFailures.map((failure) => failure.describe(show)).join("; ")})`;
}

/** Removes every file that is there; returns the removals that failed, each as a FileWriteError. Never throws. */
export function removeFiles(files: readonly string[]): FileWriteError[] {
  const failures: FileWriteError[] = [];
  for (const file of files) {
    try {
      rmSync(file, { force: true });
    } catch (error) {
      failures.push(new FileWriteError("remove", file, error));
    }
  }
  return failures;
}

/**
 * `error` with `failures` of the cleanup after it added: the first error stays the cause and keeps its kind
 * (a FileWriteError stays one line for the CLI, a PlanError stays the stack's failed plan).
 */
export function withCleanupFailures(error: unknown, failures: readonly FileWriteError[]): unknown {
  if (failures.length === 0) return error;
  if (error instanceof FileWriteError) return new FileWriteError(error.action, error.path, error.cause, [...error.cleanupFailures, ...failures]);
  const cleanup = `(and the cleanup failed: ${failures.map((failure) => failure.message).join("; ")})`;
  if (error instanceof PlanError) return new PlanError(error.stackName, error.env, `${error.problem} ${cleanup}`);
  const message = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return new Error(`${message} ${cleanup}`, { cause: error });
}

/** A file to write whole, and its content. */
export interface FileToWrite {
  file: string;
  content: string;
}

/**
 * Writes every file whole, or none: each to a temporary name of its own (unique per run, so concurrent writers
 * never share one), then, once all are written, removes `remove` (files this write no longer produces) and
 * renames each into place in order. A reader never sees half a file. On failure nothing this write made is left,
 * already renamed files included, and the error is a FileWriteError naming the file and the cause, with any
 * failure of that cleanup added to it, never in its place.
 */
export function writeFilesWhole(files: readonly FileToWrite[], options: { remove?: readonly string[] } = {}): void {
  const entries = files.map((entry) => ({ ...entry, temporary: `${entry.file}.${process.pid}.${randomUUID()}.tmp` }));
  // Temporary files this write may have made: every one whose write began and that is not renamed yet.
  const pending = new Set<string>();
  const renamed: string[] = [];
  const step = (action: FileWriteError["action"], path: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      throw new FileWriteError(action, path, error);
    }
  };
  try {
    for (const { file, content, temporary } of entries) {
      step("create directory", dirname(file), () => mkdirSync(dirname(file), { recursive: true }));
      pending.add(temporary);
      step("write", file, () => writeFileSync(temporary, content));
    }
    for (const file of options.remove ?? []) step("remove", file, () => rmSync(file, { force: true }));
    for (const { file, temporary } of entries) {
      step("write", file, () => renameSync(temporary, file));
      pending.delete(temporary);
      renamed.push(file);
    }
  } catch (error) {
    // Half a set of files is worse than none: what this write already renamed goes too.
    throw withCleanupFailures(error, removeFiles([...pending, ...renamed]));
  }
}
