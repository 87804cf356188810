import type { TeamsRegistry } from "@ml-iam/team-stack";

/** Where GitHub reads code owners from. */
export const codeownersPath = ".github/CODEOWNERS";

/** Paths the platform team owns besides everything no other line names (root config files included). */
const platformPaths = ["/libs/", "/tools/", "/.github/"];

/**
 * CODEOWNERS from the teams registry: the platform team owns the repository, each team its stack.
 * GitHub applies the last matching line, so the catch-all comes first and the stacks last.
 * https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
 */
export function renderCodeowners(registry: TeamsRegistry, registryPath = "libs/team-stack/teams.json"): string {
  const rows: [string, string][] = [
    ["*", registry.platformTeam],
    ...platformPaths.map((path): [string, string] => [path, registry.platformTeam]),
    ...[...registry.teams]
      .sort((a, b) => a.stack.localeCompare(b.stack))
      .map((team): [string, string] => [`/stacks/${team.stack}/`, team.githubTeam]),
  ];
  const width = Math.max(...rows.map(([path]) => path.length)) + 2;
  const line = ([path, owner]: [string, string]) => `${path.padEnd(width)}${owner}`;
  return [
    `# Generated from ${registryPath} by \`npx nx run ci:codeowners\`: edit the registry, not this file.`,
    "",
    "# The platform team: libs, tools, workflows, root config and anything not listed below.",
    ...rows.slice(0, 1 + platformPaths.length).map(line),
    "",
    "# Each team stack, by the team that owns it.",
    ...rows.slice(1 + platformPaths.length).map(line),
    "",
  ].join("\n");
}
