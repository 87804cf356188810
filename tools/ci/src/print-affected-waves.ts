import { createProjectGraphAsync } from "@nx/devkit";
import { readTeamsRegistry, teamOfStack } from "@ml-iam/team-stack";
import { spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatGithubOutputs, stacksOfProjectGraph, stackWaves, waveMatrices, waveOutputs } from "./affected-waves";

// Usage: print-affected-waves.ts [--base <sha> [--head <sha>] | --all] [--env <env>]... [--max-waves <n>]
// Without --base (a first deploy, no deployed/<env> tag yet) every stack is in the waves, as with --all.
// In a workflow the outputs go to $GITHUB_OUTPUT; the waves are printed either way.
const { values } = parseArgs({
  options: {
    base: { type: "string" },
    head: { type: "string" },
    all: { type: "boolean", default: false },
    env: { type: "string", multiple: true },
    "max-waves": { type: "string", default: "3" },
  },
});

/** The projects `nx show projects --affected` selects between two commits. */
function affectedProjects(base: string, head: string | undefined): string[] {
  const args = ["nx", "show", "projects", "--affected", "--json", `--base=${base}`, ...(head ? [`--head=${head}`] : [])];
  const result = spawnSync("npx", args, { encoding: "utf8", env: { ...process.env, NX_DAEMON: "false" } });
  if (result.status !== 0) throw new Error(`npx ${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

async function main(): Promise<void> {
  const maxWaves = Number(values["max-waves"]);
  if (!Number.isInteger(maxWaves) || maxWaves < 1) throw new Error(`--max-waves must be a positive integer, not ${values["max-waves"]}`);
  const stacks = stacksOfProjectGraph(await createProjectGraphAsync({ exitOnError: true }));
  const selectAll = values.all || values.base === undefined;
  const affected = selectAll ? stacks.map((stack) => stack.name) : affectedProjects(values.base!, values.head);
  const registry = readTeamsRegistry();
  const waves = stackWaves(stacks, affected);
  const matrices = waveMatrices(waves, (stack) => teamOfStack(registry, stack).envs, values.env);
  const outputs = waveOutputs(matrices, maxWaves);

  const envs = values.env ? ` (${values.env.join(", ")})` : "";
  console.log(selectAll ? `every stack${envs}:` : `stacks affected since ${values.base}${envs}:`);
  for (const wave of waves) console.log(`  wave ${wave.wave}: ${wave.stacks.join(", ")}`);
  if (waves.length === 0) console.log("  none");
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, formatGithubOutputs(outputs));
  else console.log(JSON.stringify(matrices, null, 2));
}

main().catch((error: unknown) => {
  console.error(`print-affected-waves: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
