import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { teamName } from "./config-schemas";

/**
 * The one place each stack's owner team is declared: the central stack, the CODEOWNERS generator and the
 * team generator all read it. It lives in this lib so that Nx counts it as an input of every stack.
 */
export const teamsRegistryFile = join(__dirname, "../teams.json");

/** A GitHub team as CODEOWNERS names it: `@<organization>/<team-slug>`. */
export const githubTeamHandle = z
  .string()
  .regex(
    /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "is not a GitHub team handle (e.g. @example-org/ml-data-scientists)",
  );

/** An env: the `<env>` of `stacks/<team>/Pulumi.<env>.yaml`. */
const envName = z.string().regex(/^[A-Za-z0-9_-]+$/, "is not an env name (letters, digits, '_' and '-', e.g. prod)");

const teamEntrySchema = z.strictObject({
  stack: teamName,
  githubTeam: githubTeamHandle,
  envs: z.array(envName).min(1, "lists no env: add at least one, e.g. [\"dev\", \"prod\"]"),
  platform: z.literal(true).optional(),
});

const registrySchema = z.strictObject({
  platformTeam: githubTeamHandle,
  teams: z.array(teamEntrySchema).min(1, "lists no team"),
});

/** One team stack and who owns it. */
export interface TeamEntry {
  /** The stack: its directory under `stacks/`, its Nx and Pulumi project name. */
  stack: string;
  /** The GitHub team that owns the stack and reviews its changes, e.g. `@example-org/ml-data-scientists`. */
  githubTeam: string;
  /** The envs the stack is deployed to, in deploy order: one `Pulumi.<env>.yaml` each. */
  envs: string[];
  /**
   * A stack of the platform itself (the identity stack), deployed from its own account by the platform team:
   * central-ai makes no deploy or preview roles for it in the workload accounts.
   */
  platform?: true;
}

/** Every team stack and its owner; the platform team owns everything else (libs, tools, workflows, root files). */
export interface TeamsRegistry {
  platformTeam: string;
  teams: TeamEntry[];
}

/** The registry is invalid: names the file and every problem, each at its path in the file. */
export class TeamsRegistryError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is invalid:\n` + problems.map((problem) => `  - ${problem}`).join("\n"));
    this.name = "TeamsRegistryError";
  }
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/** Validates a parsed registry; throws a TeamsRegistryError listing every problem. */
export function parseTeamsRegistry(json: unknown, file = "teams.json"): TeamsRegistry {
  const parsed = registrySchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
    throw new TeamsRegistryError(file, problems);
  }
  const registry = parsed.data;
  const problems = [
    ...duplicates(registry.teams.map((team) => team.stack)).map(
      (stack) => `teams: stack ${stack} is listed more than once: one entry per stack, with all of its envs`,
    ),
    ...registry.teams.flatMap((team, index) =>
      duplicates(team.envs).map((env) => `teams.${index}.envs: ${env} is listed more than once`),
    ),
    // The boundary fences a team's buckets by name, <team>-*: a team named like another's prefix would own its buckets.
    ...registry.teams.flatMap((team) =>
      registry.teams
        .filter((other) => other.stack.startsWith(`${team.stack}-`))
        .map((other) => `teams: ${team.stack} is a prefix of ${other.stack}: ${team.stack}'s buckets (${team.stack}-*) would include ${other.stack}'s; rename one`),
    ),
  ];
  if (problems.length > 0) throw new TeamsRegistryError(file, problems);
  return registry;
}

/** Reads and validates the registry file (by default the workspace's). */
export function readTeamsRegistry(file = teamsRegistryFile): TeamsRegistry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new TeamsRegistryError(file, [(error as Error).message]);
  }
  return parseTeamsRegistry(json, file);
}

/** The entry of one stack; the error says where to declare a stack that is missing. */
export function teamOfStack(registry: TeamsRegistry, stack: string): TeamEntry {
  const team = registry.teams.find((entry) => entry.stack === stack);
  if (!team) throw new Error(`stack ${stack} has no owner: add { "stack": "${stack}", "githubTeam": ..., "envs": [...] } to libs/team-stack/teams.json`);
  return team;
}

/** The registry with one more team, sorted by stack: what the team generator writes back. */
export function addTeam(registry: TeamsRegistry, team: TeamEntry): TeamsRegistry {
  return parseTeamsRegistry({
    ...registry,
    teams: [...registry.teams, team].sort((a, b) => a.stack.localeCompare(b.stack)),
  });
}

/** The registry without one stack's entry: what the remove-team-stack generator writes back. */
export function removeTeam(registry: TeamsRegistry, stack: string): TeamsRegistry {
  teamOfStack(registry, stack);
  return parseTeamsRegistry({ ...registry, teams: registry.teams.filter((team) => team.stack !== stack) });
}

/** The registry as its file holds it: two-space JSON, one env list per line, a final newline. */
export function formatTeamsRegistry(registry: TeamsRegistry): string {
  const json = JSON.stringify(registry, null, 2);
  // Env lists stay on one line, as people write them.
  return json.replace(/"envs": \[([^\]]*)\]/g, (_, inner: string) => `"envs": [${inner.trim().split(/,\s*/).join(", ")}]`) + "\n";
}
