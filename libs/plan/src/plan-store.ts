import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalJson } from "./canonical-json";
import { parsePlanFile, type PlanFile } from "./plan-file";
import { renderPlanSummary } from "./plan-summary";
import { removeFiles, writeFilesWhole, type FileWriteError } from "./write-files";

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
   * write is left behind, and the error is a FileWriteError naming the file and the cause (a failed cleanup is
   * added to it, never replaces it).
   */
  write(plan: PlanFile, extraMarkdown = ""): void {
    // The .json lands last: consumers read it, so when it is there its .md already is.
    writeFilesWhole([
      { file: this.markdownPath(plan.stack, plan.env), content: renderPlanSummary(plan) + extraMarkdown },
      { file: this.jsonPath(plan.stack, plan.env), content: canonicalJson(plan) },
    ]);
  }

  /**
   * Removes a stack's plan for an env, so a failed plan leaves nothing stale for consumers to read. Never throws:
   * returns the removals that failed, for the caller to add to the error that made the plan stale
   * (`withCleanupFailures`).
   */
  remove(stack: string, env: string): FileWriteError[] {
    return removeFiles([this.jsonPath(stack, env), this.markdownPath(stack, env)]);
  }
}
