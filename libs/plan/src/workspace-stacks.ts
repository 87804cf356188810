import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";

/** A team stack of the workspace: its Pulumi project, program, envs and upstream stacks. */
export interface WorkspaceStack {
  /** The Pulumi project name, which is also the Nx project name. */
  name: string;
  directory: string;
  /** Absolute path of the program's entry file. */
  main: string;
  /** Envs with a `Pulumi.<env>.yaml`, sorted. */
  envs: string[];
  /** Upstream stacks, from the Nx project's implicitDependencies. */
  upstream: string[];
  /** Absolute path of `src/workflows.ts`, what the team must be able to do, when the stack declares it. */
  workflows?: string;
  /**
   * The platform's Identity Center stack (project tag {@link identityStackTag}): one organization-wide env that
   * reads every env of its upstream stacks, and the one stack that may plan Identity Center resources.
   */
  identity?: boolean;
}

/** The project.json tag of the identity stack. */
export const identityStackTag = "role:identity";

/** Reads one stack directory; the error names the file that is wrong. */
export function readWorkspaceStack(directory: string): WorkspaceStack {
  const pulumiFile = join(directory, "Pulumi.yaml");
  const project = parse(readFileSync(pulumiFile, "utf8")) as { name?: unknown; main?: unknown };
  if (typeof project?.name !== "string") throw new Error(`${pulumiFile}: "name" is missing`);
  const nxFile = join(directory, "project.json");
  const nx = JSON.parse(readFileSync(nxFile, "utf8")) as { name?: string; implicitDependencies?: string[]; tags?: string[] };
  if (nx.name !== project.name) {
    throw new Error(`${nxFile}: Nx project "${nx.name}" must be named like its Pulumi project "${project.name}"`);
  }
  const envs = readdirSync(directory)
    .map((file) => /^Pulumi\.([A-Za-z0-9_-]+)\.yaml$/.exec(file)?.[1])
    .filter((env): env is string => env !== undefined)
    .sort();
  const main = resolve(directory, typeof project.main === "string" ? project.main : "src/index.ts");
  const workflows = join(dirname(main), "workflows.ts");
  return {
    name: project.name,
    directory,
    main,
    envs,
    upstream: nx.implicitDependencies ?? [],
    ...(existsSync(workflows) ? { workflows } : {}),
    identity: nx.tags?.includes(identityStackTag) ?? false,
  };
}

/** Every stack under `<root>/stacks`, sorted by name. */
export function listWorkspaceStacks(workspaceRoot: string): WorkspaceStack[] {
  const stacksDir = join(workspaceRoot, "stacks");
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .filter((entry) => existsSync(join(stacksDir, entry, "Pulumi.yaml")))
    .sort()
    .map((entry) => readWorkspaceStack(join(stacksDir, entry)));
}
