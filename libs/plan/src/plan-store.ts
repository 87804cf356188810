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

  /** Writes both files whole (temporary file, then rename), so a reader never sees half a plan. */
  write(plan: PlanFile, extraMarkdown = ""): void {
    const files: [string, string][] = [
      [this.jsonPath(plan.stack, plan.env), canonicalJson(plan)],
      [this.markdownPath(plan.stack, plan.env), renderPlanSummary(plan) + extraMarkdown],
    ];
    for (const [file, content] of files) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, content);
    }
    for (const [file] of files) renameSync(`${file}.tmp`, file);
  }

  /** Removes a stack's plan for an env, so a failed plan leaves nothing stale for consumers to read. */
  remove(stack: string, env: string): void {
    rmSync(this.jsonPath(stack, env), { force: true });
    rmSync(this.markdownPath(stack, env), { force: true });
  }
}
