import type { Tree } from "@nx/devkit";

/** The workspace's solution tsconfig: `tsc -b` and Nx's TypeScript sync find every project through its references. */
export const solutionTsconfigPath = "tsconfig.json";

interface SolutionTsconfig {
  references?: { path: string }[];
}

/**
 * Lists a project in the solution tsconfig, or takes it out, keeping the references sorted as `nx sync` leaves
 * them once written. A tree without a solution tsconfig is left as it is.
 */
export function updateSolutionReferencesIn(tree: Tree, change: { add: string } | { remove: string }): void {
  const text = tree.read(solutionTsconfigPath, "utf-8");
  if (text === null) return;
  const solution = JSON.parse(text) as SolutionTsconfig;
  const path = `./${"add" in change ? change.add : change.remove}`;
  const others = (solution.references ?? []).filter((reference) => reference.path !== path);
  const references = "add" in change ? [...others, { path }].sort((a, b) => a.path.localeCompare(b.path, "en")) : others;
  tree.write(solutionTsconfigPath, `${JSON.stringify({ ...solution, references }, null, 2)}\n`);
}
