import type { Tree } from "@nx/devkit";
import { codeownersPath, renderCodeowners } from "@ml-iam/ci/src/codeowners";
import { formatTeamsRegistry, parseTeamsRegistry, type TeamsRegistry } from "@ml-iam/team-stack";

/** The teams registry, relative to the workspace: every stack's owner and envs. */
export const teamsRegistryPath = "libs/team-stack/teams.json";

/** The teams registry as the tree holds it, validated. */
export function readTeamsRegistryIn(tree: Tree): TeamsRegistry {
  const text = tree.read(teamsRegistryPath, "utf-8");
  if (text === null) throw new Error(`${teamsRegistryPath} is missing: the generators keep each team's owner there`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${teamsRegistryPath} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseTeamsRegistry(json, teamsRegistryPath);
}

/** Writes the registry and, rendered from it as `npx nx run ci:codeowners` renders it, CODEOWNERS. */
export function writeTeamsRegistryIn(tree: Tree, registry: TeamsRegistry): void {
  tree.write(teamsRegistryPath, formatTeamsRegistry(registry));
  tree.write(codeownersPath, renderCodeowners(registry, teamsRegistryPath));
}
