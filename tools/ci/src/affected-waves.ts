import { teamNameSyntax } from "@ml-iam/iam";

/** The tag every team stack's project.json carries. */
export const stackTag = "type:stack";

/** The parts of an Nx project graph the waves need: what `nx graph --file` writes and `createProjectGraphAsync` returns. */
export interface ProjectGraphLike {
  nodes: Record<string, { name: string; data: { tags?: string[] } }>;
  dependencies: Record<string, readonly { target: string }[]>;
}

/** A team stack and the stacks it reads (directly, or through projects that are not stacks). */
export interface StackNode {
  name: string;
  upstream: string[];
}

/** Stacks that can deploy side by side: every stack they read is in an earlier wave or unchanged. */
export interface Wave {
  wave: number;
  stacks: string[];
}

/** One job of a wave's matrix: a stack in one env, and the repository variable holding its preview role. */
export interface StackJob {
  stack: string;
  env: string;
  previewRoleVariable: string;
}

/** A wave with its matrix: the form the workflows read. */
export interface WaveMatrix {
  wave: number;
  include: StackJob[];
}

const envNamePattern = /^[A-Za-z0-9_-]+$/;

/**
 * The stacks of a project graph, each with the stacks it depends on. Edges through other projects count
 * too, although module boundaries keep libs from importing stacks today.
 */
export function stacksOfProjectGraph(graph: ProjectGraphLike): StackNode[] {
  const isStack = (name: string) => graph.nodes[name]?.data.tags?.includes(stackTag) ?? false;
  const names = Object.keys(graph.nodes).filter(isStack).sort();
  for (const name of names) {
    // The name goes into job names, concurrency groups and shell variables; a stack is named as a team is.
    if (!teamNameSyntax.test(name)) throw new Error(`stack project ${JSON.stringify(name)} is not kebab-case: rename it`);
  }
  return names.map((name) => {
    const upstream = new Set<string>();
    const seen = new Set<string>([name]);
    const queue = (graph.dependencies[name] ?? []).map((edge) => edge.target);
    while (queue.length > 0) {
      const target = queue.shift()!;
      if (seen.has(target) || !(target in graph.nodes)) continue;
      seen.add(target);
      if (isStack(target)) upstream.add(target);
      else queue.push(...(graph.dependencies[target] ?? []).map((edge) => edge.target));
    }
    return { name, upstream: [...upstream].sort() };
  });
}

/** The stacks in deploy order; throws naming a cycle, which no deploy order can satisfy. */
function topologicalOrder(stacks: readonly StackNode[]): StackNode[] {
  const byName = new Map(stacks.map((stack) => [stack.name, stack]));
  const state = new Map<string, "visiting" | "done">();
  const order: StackNode[] = [];
  const visit = (stack: StackNode, path: string[]) => {
    if (state.get(stack.name) === "done") return;
    if (state.get(stack.name) === "visiting") {
      const cycle = [...path.slice(path.indexOf(stack.name)), stack.name];
      throw new Error(`the stacks depend on each other in a cycle, so none can deploy first: ${cycle.join(" → ")}`);
    }
    state.set(stack.name, "visiting");
    for (const name of stack.upstream) {
      const upstream = byName.get(name);
      if (upstream) visit(upstream, [...path, stack.name]);
    }
    state.set(stack.name, "done");
    order.push(stack);
  };
  for (const stack of stacks) visit(stack, []);
  return order;
}

/**
 * The affected stacks in waves: a stack goes one wave after the last affected stack it reads, directly or
 * through unaffected stacks. Names that are not stacks (libs, tools) are left out. Throws on a cycle
 * anywhere in the graph.
 */
export function stackWaves(stacks: readonly StackNode[], affected: readonly string[]): Wave[] {
  const selected = new Set(affected);
  const level = new Map<string, number>();
  for (const stack of topologicalOrder(stacks)) {
    // An unaffected upstream stack adds no wave of its own but passes on the waves before it.
    const levels = stack.upstream.filter((name) => level.has(name)).map((name) => level.get(name)! + (selected.has(name) ? 1 : 0));
    level.set(stack.name, Math.max(0, ...levels));
  }
  const waves = new Map<number, string[]>();
  for (const stack of stacks) {
    if (!selected.has(stack.name)) continue;
    const wave = level.get(stack.name)!;
    waves.set(wave, [...(waves.get(wave) ?? []), stack.name]);
  }
  // Numbered from 0 without gaps, each wave's stacks sorted.
  return [...waves.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, names], index) => ({ wave: index, stacks: names.sort() }));
}

/** The repository variable holding a stack's read-only preview role ARN for one env, e.g. `PREVIEW_ROLE_ARN_CENTRAL_AI_PROD`. */
export function previewRoleVariable(stack: string, env: string): string {
  return `PREVIEW_ROLE_ARN_${stack}_${env}`.replace(/-/g, "_").toUpperCase();
}

/**
 * The waves as matrices, one job per stack and env. `envsOf` gives a stack's envs (from the teams
 * registry); `onlyEnvs`, when given, keeps those envs only.
 */
export function waveMatrices(waves: readonly Wave[], envsOf: (stack: string) => readonly string[], onlyEnvs?: readonly string[]): WaveMatrix[] {
  return waves.map(({ wave, stacks }) => ({
    wave,
    include: stacks.flatMap((stack) =>
      envsOf(stack)
        .filter((env) => onlyEnvs === undefined || onlyEnvs.includes(env))
        .map((env) => {
          if (!envNamePattern.test(env)) throw new Error(`${stack}: env ${JSON.stringify(env)} is not an env name`);
          return { stack, env, previewRoleVariable: previewRoleVariable(stack, env) };
        }),
    ),
  }));
}

/**
 * The step outputs a workflow reads: `wave0` … `wave<maxWaves - 1>` (each a matrix include list, `[]` when
 * empty), `matrix` (every job of every wave) and `count`. Throws when there are more waves than the workflow
 * has wave jobs, rather than leave stacks out.
 */
export function waveOutputs(matrices: readonly WaveMatrix[], maxWaves: number): Record<string, string> {
  const nonEmpty = matrices.filter((matrix) => matrix.include.length > 0);
  if (nonEmpty.length > maxWaves) {
    throw new Error(
      `the affected stacks need ${nonEmpty.length} waves but the workflows have ${maxWaves} wave jobs: ` +
        `add a wave job to each workflow and raise --max-waves`,
    );
  }
  const outputs: Record<string, string> = {};
  for (let wave = 0; wave < maxWaves; wave++) outputs[`wave${wave}`] = JSON.stringify(nonEmpty[wave]?.include ?? []);
  outputs.matrix = JSON.stringify(nonEmpty.flatMap((matrix) => matrix.include));
  outputs.count = String(nonEmpty.length);
  return outputs;
}

/** Outputs in the `$GITHUB_OUTPUT` file format (`name=value` lines; the values are one-line JSON). */
export function formatGithubOutputs(outputs: Record<string, string>): string {
  return Object.entries(outputs)
    .map(([name, value]) => `${name}=${value}\n`)
    .join("");
}
