import { accessSnapshot, diffAccess, policyAccessSnapshot, type AccessDiff, type AccessSnapshot, renderAccessDiffMarkdown, renderAccessDiffText } from "@ml-iam/analysis";
import type { PlanFile } from "@ml-iam/plan";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseCommandArgs } from "../command-args";
import { planGitRef, planWorkingTree, RefPlanError, resolveCommit, type PlanJob } from "../plan-git-ref";
import { readPlanFile, readPlanSet } from "../plan-set";
import { policyDocumentProblem, policyTextProblem } from "../policy-input-limits";
import { UsageError } from "../usage-error";
import { findWorkspaceRoot } from "../workspace-root";

/** The command's line in `ml-iam help`. */
export const accessDiffUsage =
  "access-diff --base <ref> [--head <ref>] | --before <file|dir> --after <file|dir>  [--env <env>] [--json|--markdown]   " +
  "what changes grant and revoke, per principal, and new and resolved findings";

/** One side of the comparison, read from --before/--after: plans, or a bare policy document. */
type Side = { plans: PlanFile[] } | { policy: unknown; name: string };

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path}: not JSON: ${(error as Error).message}`);
  }
}

/** A plan directory, a plan file, or a policy document file. */
function readSide(path: string, env: string): Side {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) {
    const plans = readPlanSet(path, env);
    if (plans.length === 0) throw new UsageError(`${path}: no ${env} plans in it (<dir>/<stack>/${env}.json)`);
    return { plans };
  }
  const json = readJsonFile(path);
  const isObject = typeof json === "object" && json !== null && !Array.isArray(json);
  if (isObject && "steps" in json && "version" in json) return { plans: [readPlanFile(path)] };
  if (isObject && "Statement" in json) {
    // Sized as sent to AWS (compact JSON), the limit lint applies; after the nesting check, which keeps
    // JSON.stringify from overflowing the stack.
    const problem = policyDocumentProblem(json) ?? policyTextProblem(JSON.stringify(json));
    if (problem !== undefined) throw new UsageError(`${path}: ${problem}`);
    return { policy: json, name: basename(path) };
  }
  throw new UsageError(`${path}: neither a plan file nor a policy document (no "steps", no "Statement")`);
}

function snapshotsOfFiles(before: string, after: string, env: string): [AccessSnapshot, AccessSnapshot] {
  const base = readSide(before, env);
  const head = readSide(after, env);
  if ("plans" in base && "plans" in head) return [accessSnapshot(base.plans), accessSnapshot(head.plans)];
  if ("policy" in base && "policy" in head) {
    // One principal on both sides, so its access is compared rather than shown as removed and added.
    const name = base.name === head.name ? base.name : `${base.name} → ${head.name}`;
    return [policyAccessSnapshot(name, base.policy), policyAccessSnapshot(name, head.policy)];
  }
  throw new UsageError("--before and --after must both be plans or both be policy documents");
}

async function snapshotsOfRefs(root: string, base: string, head: string | undefined, env: string): Promise<[AccessSnapshot, AccessSnapshot]> {
  const baseCommit = resolveCommit(root, base);
  const headCommit = head === undefined ? undefined : resolveCommit(root, head);
  const jobs: PlanJob[] = [];
  try {
    // Worktrees are added one after the other (git locks its admin files), then both plans run at once.
    jobs.push(planGitRef(root, base, baseCommit, env));
    jobs.push(head === undefined || headCommit === undefined ? planWorkingTree(root, env) : planGitRef(root, head, headCommit, env));
    const [basePlans, headPlans] = await Promise.all(jobs.map((job) => job.plans));
    return [accessSnapshot(basePlans!), accessSnapshot(headPlans!)];
  } finally {
    // A worktree is removed only once nothing runs in it any more.
    await Promise.allSettled(jobs.map((job) => job.plans));
    for (const job of jobs) job.cleanUp();
  }
}

function render(diff: AccessDiff, format: "json" | "markdown" | "text", env: string): string {
  if (format === "json") return JSON.stringify(diff, null, 2);
  if (format === "markdown") return renderAccessDiffMarkdown(diff, { title: `Access changes (${env})` }).trimEnd();
  return renderAccessDiffText(diff).trimEnd();
}

/**
 * `ml-iam access-diff`: plans two git refs in temporary worktrees (head defaults to the working tree) or
 * reads two plan sets or policy files, and prints what head grants and revokes and its new and resolved
 * findings. Exit code 0 whatever the diff holds; 1 when a side cannot be planned; 2 for bad input.
 */
export async function runAccessDiff(args: string[], print: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const values = parseCommandArgs(args, {
    base: { type: "string" },
    head: { type: "string" },
    before: { type: "string" },
    after: { type: "string" },
    env: { type: "string", default: "dev" },
    json: { type: "boolean", default: false },
    markdown: { type: "boolean", default: false },
  });
  const env = String(values.env);
  if (!/^[A-Za-z0-9_-]+$/.test(env)) throw new UsageError(`not an env name: ${env}`);
  if (values.json && values.markdown) throw new UsageError("choose one of --json and --markdown");
  const fromFiles = values.before !== undefined || values.after !== undefined;
  if (fromFiles && (values.base !== undefined || values.head !== undefined)) throw new UsageError("use --base/--head or --before/--after, not both");
  if (fromFiles && (values.before === undefined || values.after === undefined)) throw new UsageError("--before and --after go together");
  if (!fromFiles && values.base === undefined) throw new UsageError("missing --base <ref> (or --before <file|dir> --after <file|dir>)");
  const format = values.json ? "json" : values.markdown ? "markdown" : "text";

  let snapshots: [AccessSnapshot, AccessSnapshot];
  if (fromFiles) {
    snapshots = snapshotsOfFiles(resolve(cwd, values.before!), resolve(cwd, values.after!), env);
  } else {
    try {
      snapshots = await snapshotsOfRefs(findWorkspaceRoot(cwd), values.base!, values.head, env);
    } catch (error) {
      if (!(error instanceof RefPlanError)) throw error;
      process.stderr.write(`ml-iam: ${error.message}\n${error.output.trimEnd()}\n`);
      return 1;
    }
  }
  print(render(diffAccess(...snapshots), format, env));
  return 0;
}
