import { FileWriteError, type PlanFile } from "@ml-iam/plan";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, type Stats } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { readPlanSet } from "./plan-set";
import { UsageError } from "./usage-error";

/** Planning a ref or the working tree failed: the plan's own output says why. */
export class RefPlanError extends Error {
  constructor(
    readonly side: string,
    readonly output: string,
  ) {
    super(`planning ${side} failed`);
    this.name = "RefPlanError";
  }
}

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  return { ok: result.status === 0, stdout: (result.stdout ?? "").trim(), stderr: (result.stderr ?? "").trim() };
}

/** The commit a ref names; a ref that does not exist, or that could be read as an option, is a UsageError. */
export function resolveCommit(root: string, ref: string): string {
  if (ref.startsWith("-") || ref.trim() === "") throw new UsageError(`not a git ref: ${JSON.stringify(ref)}`);
  if (!git(root, ["rev-parse", "--is-inside-work-tree"]).ok) throw new UsageError(`${root} is not in a git repository: --base needs one`);
  const commit = git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!commit.ok) throw new UsageError(`unknown git ref ${ref}: no commit by that name`);
  return commit.stdout;
}

/** The workspace packages of a checkout (`workspaces` of its package.json): name → directory. */
function workspacePackages(root: string): Map<string, string> {
  const packages = new Map<string, string>();
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { workspaces?: string[] };
  for (const pattern of manifest.workspaces ?? []) {
    const directories = pattern.endsWith("/*")
      ? existsSync(join(root, pattern.slice(0, -2)))
        ? readdirSync(join(root, pattern.slice(0, -2))).map((entry) => join(root, pattern.slice(0, -2), entry))
        : []
      : [join(root, pattern)];
    for (const directory of directories) {
      const file = join(directory, "package.json");
      if (!existsSync(file)) continue;
      const name = (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name;
      if (name) packages.set(name, directory);
    }
  }
  return packages;
}

/**
 * Gives a worktree the main checkout's installed dependencies without sharing its workspace packages:
 * every entry of node_modules is a link into the main checkout's, except the workspace packages
 * (`@ml-iam/iam` and friends), which link to the worktree's own folders. Linking node_modules whole
 * would make the worktree's stacks import the main checkout's libraries.
 */
export function linkDependencies(mainRoot: string, worktreeRoot: string): void {
  const own = workspacePackages(worktreeRoot);
  const workspaceNames = new Set([...workspacePackages(mainRoot).keys(), ...own.keys()]);
  const source = join(mainRoot, "node_modules");
  const target = join(worktreeRoot, "node_modules");
  // A committed node_modules symlink would lead the links below into the main checkout's own folder.
  const existing = lstatOrUndefined(target);
  if (existing && !existing.isSymbolicLink()) throw new Error(`${target} already exists: cannot link the main checkout's dependencies`);
  if (existing) unlinkSync(target);
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    const scopeHasWorkspaces = entry.startsWith("@") && [...workspaceNames].some((name) => name.startsWith(`${entry}/`));
    if (!scopeHasWorkspaces) {
      if (!workspaceNames.has(entry)) symlinkSync(join(source, entry), join(target, entry));
      continue;
    }
    mkdirSync(join(target, entry));
    for (const name of readdirSync(join(source, entry))) {
      if (!workspaceNames.has(`${entry}/${name}`)) symlinkSync(join(source, entry, name), join(target, entry, name));
    }
  }
  for (const [name, directory] of own) {
    const link = join(target, name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), directory), link);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function runNode(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/**
 * Runs a checkout's own `ml-iam plan --report-only` for an env and reads the plans it wrote: a stack whose
 * workflows fail is planned with its failures in it, so the diff can name them.
 */
async function planCheckout(side: string, checkoutRoot: string, env: string, outDir?: string): Promise<PlanFile[]> {
  const bin = join(checkoutRoot, "tools/cli/bin/ml-iam.js");
  if (!existsSync(bin)) throw new RefPlanError(side, `${side} has no tools/cli/bin/ml-iam.js to plan with`);
  const args = [bin, "plan", "--env", env, ...(outDir ? ["--out", outDir] : [])];
  let { code, output } = await runNode([...args, "--report-only"], checkoutRoot);
  // A ref from before --report-only (a pull request's base, say) plans as its CLI can: without it.
  if (code === 2 && output.includes("'--report-only'")) ({ code, output } = await runNode(args, checkoutRoot));
  if (code !== 0) throw new RefPlanError(side, output);
  return readPlanSet(outDir ?? join(checkoutRoot, "dist/plan"), env);
}

/** A directory of its own under the system's temporary directory; a full or read-only one is a FileWriteError (one line). */
function temporaryDirectory(): string {
  const prefix = join(tmpdir(), "ml-iam-access-diff-");
  try {
    return mkdtempSync(prefix);
  } catch (error) {
    throw new FileWriteError("create directory", `${prefix}XXXXXX`, error);
  }
}

/** A planning job and what to clean up after it, whatever happens. */
export interface PlanJob {
  plans: Promise<PlanFile[]>;
  cleanUp(): void;
}

/**
 * Plans a commit in a temporary detached worktree (nothing in the user's checkout changes) with the
 * commit's own CLI and stacks. Start jobs together to plan both sides at once; always call cleanUp.
 */
export function planGitRef(root: string, ref: string, commit: string, env: string): PlanJob {
  const temporary = temporaryDirectory();
  const worktree = join(temporary, "worktree");
  const cleanUp = () => {
    git(root, ["worktree", "remove", "--force", worktree]);
    rmSync(temporary, { recursive: true, force: true });
    git(root, ["worktree", "prune"]);
  };
  try {
    const added = git(root, ["worktree", "add", "--detach", worktree, commit]);
    if (!added.ok) throw new RefPlanError(ref, added.stderr);
    // The workspace may sit below the repository's top level.
    const prefix = git(root, ["rev-parse", "--show-prefix"]).stdout;
    const worktreeRoot = join(worktree, prefix);
    try {
      linkDependencies(root, worktreeRoot);
    } catch (error) {
      throw new RefPlanError(ref, (error as Error).message);
    }
    const plans = planCheckout(ref, worktreeRoot, env);
    plans.catch(() => undefined); // the caller awaits it; this only keeps an early failure from going unhandled
    return { plans, cleanUp };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/** Plans the working tree as it is, uncommitted changes included, into a temporary directory. */
export function planWorkingTree(root: string, env: string): PlanJob {
  const temporary = temporaryDirectory();
  const plans = planCheckout("the working tree", root, env, join(temporary, "plan"));
  plans.catch(() => undefined);
  return { plans, cleanUp: () => rmSync(temporary, { recursive: true, force: true }) };
}
