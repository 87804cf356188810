import type { Tree } from "@nx/devkit";

/** npm's lockfile: it lists every workspace package, so `npm ci` fails on a stack it does not list. */
export const lockfilePath = "package-lock.json";

/** A workspace package: its folder and its package name. */
export interface WorkspacePackage {
  root: string;
  name: string;
  version: string;
}

interface Lockfile {
  packages?: Record<string, unknown>;
}

/**
 * Lists or unlists a workspace package in the lockfile as `npm install` would: the package's folder and its
 * link under node_modules, keys in npm's order. The link itself appears with the next `npm install` or `npm ci`;
 * nothing in the workspace needs it before then. A tree without a lockfile is left as it is.
 */
export function updateLockfileIn(tree: Tree, change: { add: WorkspacePackage } | { remove: WorkspacePackage }): void {
  const text = tree.read(lockfilePath, "utf-8");
  if (text === null) return;
  const lockfile = JSON.parse(text) as Lockfile;
  const packages = { ...lockfile.packages };
  const workspacePackage = "add" in change ? change.add : change.remove;
  const link = `node_modules/${workspacePackage.name}`;
  if ("add" in change) {
    packages[workspacePackage.root] = { name: workspacePackage.name, version: workspacePackage.version };
    packages[link] = { resolved: workspacePackage.root, link: true };
  } else {
    delete packages[workspacePackage.root];
    delete packages[link];
  }
  // npm sorts the keys with localeCompare, the root package ("") first.
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, "en")));
  tree.write(lockfilePath, `${JSON.stringify({ ...lockfile, packages: sorted }, null, 2)}\n`);
}
