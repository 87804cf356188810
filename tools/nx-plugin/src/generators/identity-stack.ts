import type { Tree } from "@nx/devkit";
import { identityStackTag } from "@ml-iam/plan/src/workspace-stacks";
import { parse } from "yaml";

/** The identity stack of a workspace: the one stack project tagged {@link identityStackTag}, if there is one. */
export function identityStackRootIn(tree: Tree): string | undefined {
  if (!tree.exists("stacks")) return undefined;
  return tree
    .children("stacks")
    .map((entry) => `stacks/${entry}`)
    .find((root) => {
      const text = tree.read(`${root}/project.json`, "utf-8");
      return text !== null && ((JSON.parse(text) as { tags?: string[] }).tags ?? []).includes(identityStackTag);
    });
}

/** The config files of the identity stack that give a team's people permission sets (`identity:teams.<team>`). */
export function identityConfigsListing(tree: Tree, team: string): string[] {
  const root = identityStackRootIn(tree);
  if (root === undefined) return [];
  return tree
    .children(root)
    .filter((file) => /^Pulumi\.[A-Za-z0-9_-]+\.yaml$/.test(file))
    .map((file) => `${root}/${file}`)
    .filter((file) => {
      const config = (parse(tree.read(file, "utf-8") ?? "") as { config?: Record<string, unknown> } | null)?.config ?? {};
      const teams = config["identity:teams"];
      return typeof teams === "object" && teams !== null && team in teams;
    });
}

/**
 * Adds a team stack to the identity stack's upstream stacks, or drops it: the identity stack reads every team
 * stack its config names, so the Nx graph must plan and deploy them first. Returns the project file it changed.
 */
export function setIdentityUpstreamIn(tree: Tree, team: string, upstream: boolean): string | undefined {
  const root = identityStackRootIn(tree);
  if (root === undefined || root === `stacks/${team}`) return undefined;
  const file = `${root}/project.json`;
  const project = JSON.parse(tree.read(file, "utf-8")!) as { implicitDependencies?: string[] };
  const current = project.implicitDependencies ?? [];
  if (current.includes(team) === upstream) return undefined;
  project.implicitDependencies = upstream ? [...current, team].sort() : current.filter((name) => name !== team);
  tree.write(file, JSON.stringify(project, null, 2) + "\n");
  return file;
}
