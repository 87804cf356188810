import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { listWorkspaceStacks } from "@ml-iam/plan/src/workspace-stacks";

/** The workspace these tests run in. */
export const workspaceRoot = join(__dirname, "../../..");

/** A stack of a workspace (copy): its project, folder, upstream stacks and envs. */
export interface DeclaredStack {
  name: string;
  root: string;
  /** Its upstream stacks: project.json implicitDependencies. */
  upstream: string[];
  /** Its envs: one `Pulumi.<env>.yaml` each. */
  envs: string[];
  /** The identity stack: its one env reads every env of its upstream stacks, whose deploys it does not run. */
  identity: boolean;
}

/** Every stack under `<root>/stacks`, sorted by name, as the plan engine reads them. */
export function declaredStacks(root: string): DeclaredStack[] {
  return listWorkspaceStacks(root).map((stack) => ({
    name: stack.name,
    root: relative(root, stack.directory),
    upstream: stack.upstream,
    envs: stack.envs,
    identity: stack.identity ?? false,
  }));
}

/** The stacks that must be redeployed when `name` changes: itself and, transitively, its consumers. */
export function stackAndConsumers(stacks: DeclaredStack[], name: string): string[] {
  const selected = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const stack of stacks) {
      if (!selected.has(stack.name) && stack.upstream.some((upstream) => selected.has(upstream))) {
        selected.add(stack.name);
        grew = true;
      }
    }
  }
  return [...selected].sort();
}

/** The consumer stack every copy gets, so that dependency edges exist whichever team stacks are written yet. */
export const fixtureConsumer = "fixture-consumer";

const skipped = new Set(["node_modules", ".git", ".nx", "dist", "tmp", "coverage"]);

/** Links node_modules like npm does, but with the workspace packages pointing into the copy. */
function linkNodeModules(copy: string): void {
  const source = join(workspaceRoot, "node_modules");
  const target = join(copy, "node_modules");
  mkdirSync(join(target, "@ml-iam"), { recursive: true });
  for (const entry of readdirSync(source)) {
    if (entry !== "@ml-iam") symlinkSync(join(source, entry), join(target, entry));
  }
  const workspaceDirs = ["libs", "stacks", "tools"].flatMap((group) =>
    existsSync(join(copy, group)) ? readdirSync(join(copy, group)).map((entry) => join(copy, group, entry)) : [],
  );
  for (const directory of workspaceDirs) {
    const packageFile = join(directory, "package.json");
    if (!existsSync(packageFile)) continue;
    const { name } = JSON.parse(readFileSync(packageFile, "utf8")) as { name?: string };
    if (name?.startsWith("@ml-iam/")) symlinkSync(relative(join(target, "@ml-iam"), directory), join(target, name));
  }
}

function writeFixtureConsumer(copy: string): void {
  const root = join(copy, "stacks", fixtureConsumer);
  mkdirSync(join(root, "src"), { recursive: true });
  const centralAi = JSON.parse(readFileSync(join(copy, "stacks/central-ai/project.json"), "utf8")) as { targets: unknown };
  const project = { name: fixtureConsumer, projectType: "application", tags: ["type:stack"], implicitDependencies: ["central-ai"], targets: centralAi.targets };
  writeFileSync(join(root, "project.json"), JSON.stringify(project, null, 2));
  writeFileSync(join(root, "Pulumi.yaml"), `name: ${fixtureConsumer}\nruntime: nodejs\nmain: src/index.ts\n`);
  // The region and account of central-ai's env, which every plan needs.
  for (const env of ["dev", "prod"]) {
    const central = readFileSync(join(copy, `stacks/central-ai/Pulumi.${env}.yaml`), "utf8");
    const scope = /^ {2}aws:region: .*\n {2}aws:allowedAccountIds:\n {4}- .*\n/m.exec(central)?.[0];
    if (!scope) throw new Error(`stacks/central-ai/Pulumi.${env}.yaml: no aws:region and aws:allowedAccountIds to copy`);
    writeFileSync(join(root, `Pulumi.${env}.yaml`), `config:\n${scope}`);
  }
  writeFileSync(join(root, "src/index.ts"), `export const team = "${fixtureConsumer}";\n`);
}

function git(copy: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: copy, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${copy}: ${result.stderr}`);
  return result.stdout;
}

/** A throwaway copy of the workspace, in a git repository of its own. */
export interface WorkspaceCopy {
  root: string;
  /** Undoes uncommitted changes. */
  restore(): void;
  /** Commits every change: what `nx affected` compares with from then on. */
  commit(message: string): void;
  /** Deletes the copy. */
  remove(): void;
}

/**
 * A copy of the workspace's sources in a fresh git repository with one commit, node_modules linked, plus
 * {@link fixtureConsumer} unless told not to: Nx runs there without touching this workspace's cache or files.
 */
export function workspaceCopy(options: { withFixtureConsumer?: boolean } = {}): WorkspaceCopy {
  const root = mkdtempSync(join(tmpdir(), "ml-iam-workspace-"));
  cpSync(workspaceRoot, root, { recursive: true, filter: (source) => !skipped.has(basename(source)) });
  if (options.withFixtureConsumer ?? true) writeFixtureConsumer(root);
  linkNodeModules(root);
  git(root, "init", "--quiet");
  const commit = (message: string) => {
    git(root, "add", "--all");
    git(root, "commit", "--quiet", "--no-verify", "--allow-empty", "--message", message);
  };
  commit("workspace copy");
  const restore = () => {
    git(root, "checkout", "--quiet", "--", ".");
    git(root, "clean", "--quiet", "--force", "-d");
  };
  return { root, restore, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The result of an Nx command. */
export interface NxResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment Nx runs in here: no daemon, no Nx Cloud, plain output, none of the NX_ variables of the calling task. */
export function nxEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("NX_")));
  return { ...inherited, NX_DAEMON: "false", NX_NO_CLOUD: "true", NX_TUI: "false", FORCE_COLOR: "0", ...overrides };
}

/** The workspace's Nx entry point in `root`, run with this Node. */
export function nxEntryPoint(root: string): string {
  return join(root, "node_modules/nx/dist/bin/nx.js");
}

/** Runs the workspace's Nx in `root`, without the daemon and without the NX_ variables of the task running the test. */
export function runNx(root: string, args: string[], env: Record<string, string> = {}): NxResult {
  const result = spawnSync(process.execPath, [nxEntryPoint(root), ...args], {
    cwd: root,
    encoding: "utf8",
    // Plugins in-process rather than in isolated workers: the same graph, a second and a half sooner per call.
    env: nxEnvironment({ NX_ISOLATE_PLUGINS: "false", ...env }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs Nx and fails with its output when it does not exit 0. */
export function runNxOrFail(root: string, args: string[], env: Record<string, string> = {}): string {
  const result = runNx(root, args, env);
  if (result.status !== 0) throw new Error(`nx ${args.join(" ")} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * A directory holding a fake `pulumi` that appends each call, its arguments and working directory, to `calls`,
 * and exits with $FAKE_PULUMI_EXIT (0 by default).
 */
export function fakePulumi(): { bin: string; calls(): string[] } {
  const bin = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
  const log = join(bin, "calls.log");
  writeFileSync(join(bin, "pulumi"), `#!/bin/sh\necho "$* (in $(pwd))" >> "${log}"\nexit "\${FAKE_PULUMI_EXIT:-0}"\n`);
  chmodSync(join(bin, "pulumi"), 0o755);
  return { bin, calls: () => (existsSync(log) ? readFileSync(log, "utf8").trimEnd().split("\n") : []) };
}
