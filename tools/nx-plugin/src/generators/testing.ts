import type { Tree } from "@nx/devkit";
import { createTreeWithEmptyWorkspace } from "@nx/devkit/testing";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { workspaceRoot } from "../testing";

/** The files of this workspace the team generators read or edit (besides stack folders). */
const editedFiles = [
  "libs/contracts/src/index.ts",
  "libs/contracts/src/contract-registry.ts",
  "libs/team-stack/teams.json",
  ".github/CODEOWNERS",
  "package-lock.json",
  "tsconfig.json",
];

/** Every project.json of this workspace's libs, tools and bench: the names a new project must not take. */
function projectFiles(): string[] {
  const candidates = ["libs", "tools"].flatMap((group) => readdirSync(join(workspaceRoot, group)).map((project) => `${group}/${project}/project.json`));
  return [...candidates, "bench/project.json"].filter((path) => existsSync(join(workspaceRoot, path)));
}

/**
 * An in-memory tree holding this workspace's contracts index and registry, teams registry, CODEOWNERS, lockfile,
 * contract files, every project.json, and each stack's Pulumi.<env>.yaml: what the team generators need.
 */
export function workspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  const stackFiles = readdirSync(join(workspaceRoot, "stacks"))
    .filter((stack) => existsSync(join(workspaceRoot, "stacks", stack, "project.json")))
    .flatMap((stack) =>
      readdirSync(join(workspaceRoot, "stacks", stack))
        .filter((file) => file === "project.json" || /^Pulumi\..+\.yaml$/.test(file))
        .map((file) => `stacks/${stack}/${file}`),
    );
  const contractFiles = readdirSync(join(workspaceRoot, "libs/contracts/src")).map((file) => `libs/contracts/src/${file}`);
  for (const path of new Set([...editedFiles, ...projectFiles(), ...stackFiles, ...contractFiles])) tree.write(path, readFileSync(join(workspaceRoot, path)));
  return tree;
}

/** Every file of a tree with its content: to compare a tree before and after a generator. */
export function treeContents(tree: Tree): Map<string, string> {
  const contents = new Map<string, string>();
  const visit = (directory: string): void => {
    for (const child of tree.children(directory)) {
      const path = directory ? `${directory}/${child}` : child;
      if (tree.isFile(path)) contents.set(path, tree.read(path, "utf-8")!);
      else visit(path);
    }
  };
  visit("");
  return contents;
}
