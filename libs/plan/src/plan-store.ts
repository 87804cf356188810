import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { canonicalJson } from "./canonical-json";
import { parsePlanFile, type PlanFile } from "./plan-file";
import { renderPlanSummary } from "./plan-summary";

/** Where plans live: `<root>/<stack>/<env>.json` and `.md`. */
export class PlanStore {
  constructor(readonly root: string) {}

  jsonPath(stack: string, env: string): string {
    return join(this.root, stack, `${env}.json`);
  }

  markdownPath(stack: string, env: string): string {
    return join(this.root, stack, `${env}.md`);
  }

  /** Reads a plan, or undefined when there is none; a malformed file is an error naming it. */
  read(stack: string, env: string): PlanFile | undefined {
    const file = this.jsonPath(stack, env);
    if (!existsSync(file)) return undefined;
    return parsePlanFile(readFileSync(file, "utf8"), file);
  }

  /**
   * Writes both files whole: each to a temporary name of its own, then both renamed once both are written,
   * so a reader never sees half a plan and concurrent writers never share a file. On failure nothing of this
   * write is left behind, and the error is the first one (a failed cleanup is added to it, never replaces it).
   */
  write(plan: PlanFile, extraMarkdown = ""): void {
    // The .json lands last: consumers read it, so when it is there its .md already is.
    const files = [
      { file: this.markdownPath(plan.stack, plan.env), content: renderPlanSummary(plan) + extraMarkdown },
      { file: this.jsonPath(plan.stack, plan.env), content: canonicalJson(plan) },
    ].map((entry) => ({ ...entry, temporary: `${entry.file}.${process.pid}.${randomUUID()}.tmp` }));
    const renamed: string[] = [];
    try {
      for (const { file, content, temporary } of files) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(temporary, content);
      }
      for (const { file, temporary } of files) {
        renameSync(temporary, file);
        renamed.push(file);
      }
    } catch (error) {
      // Half a plan is worse than none: what this write already renamed goes too.
      throw withCleanupFailures(error, [...files.map((entry) => entry.temporary), ...renamed]);
    }
  }

  /** Removes a stack's plan for an env, so a failed plan leaves nothing stale for consumers to read. */
  remove(stack: string, env: string): void {
    rmSync(this.jsonPath(stack, env), { force: true });
    rmSync(this.markdownPath(stack, env), { force: true });
  }
}

/** Removes `files`; the error to throw stays `error`, with any file that could not be removed named in it. */
function withCleanupFailures(error: unknown, files: string[]): unknown {
  const failures: string[] = [];
  for (const file of files) {
    try {
      rmSync(file, { force: true });
    } catch (cleanupError) {
      failures.push(`${file}: ${(cleanupError as Error).message}`);
    }
  }
  if (failures.length === 0) return error;
  // Not `instanceof Error`: errors from another realm (a VM context, a worker) are errors too.
  const message = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return new Error(`${message} (and the cleanup failed: ${failures.join("; ")})`, { cause: error });
}
