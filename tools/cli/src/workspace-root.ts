import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "./usage-error";

/** The workspace root: the nearest directory with nx.json, from `start` up. */
export function findWorkspaceRoot(start = process.cwd()): string {
  let directory = start;
  while (!existsSync(join(directory, "nx.json"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new UsageError("not inside the ml-iam-platform workspace (no nx.json found)");
    directory = parent;
  }
  return directory;
}
