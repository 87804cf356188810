import { spawnSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

/** The repository root, where `npx nx` runs. */
export const workspaceRoot = join(__dirname, "../..");

/** Runs a command in the workspace and returns its wall time in ms; a failure stops the benchmark. */
export function timeCommand(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: workspaceRoot,
    encoding: "utf8",
    env: { ...process.env, NX_DAEMON: "false", NX_NO_CLOUD: "true" },
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

/** Every Nx project directory with a tsconfig.json (libs, stacks, tools, bench). */
export function typecheckedProjects(): string[] {
  const projects: string[] = [];
  for (const group of ["libs", "stacks", "tools"]) {
    const dir = join(workspaceRoot, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (existsSync(join(dir, name, "tsconfig.json"))) projects.push(join(dir, name));
    }
  }
  return projects;
}

/** tsc's own report of the memory it used for one project, in MB, its references' declarations already built. */
export function typecheckMemory(projectDir: string): number {
  const tsc = join(workspaceRoot, "node_modules/.bin/tsc");
  const result = spawnSync(tsc, ["-p", join(projectDir, "tsconfig.json"), "--noEmit", "--extendedDiagnostics"], {
    encoding: "utf8",
  });
  const match = /Memory used:\s+(\d+)K/.exec(result.stdout);
  if (!match) throw new Error(`no memory figure from tsc for ${projectDir}:\n${result.stdout}${result.stderr}`);
  return Number(match[1]) / 1024;
}
