import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Workspace-relative paths whose file on disk is missing or differs from the freshly generated contents, sorted. */
export function staleGeneratedFiles(files: ReadonlyMap<string, string>, workspaceRoot: string): string[] {
  return [...files]
    .filter(([path, contents]) => {
      const absolute = join(workspaceRoot, path);
      return !existsSync(absolute) || readFileSync(absolute, "utf8") !== contents;
    })
    .map(([path]) => path)
    .sort();
}
