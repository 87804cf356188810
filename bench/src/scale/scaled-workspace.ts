import teamStackGenerator, { accessPersonas } from "@ml-iam/tools/src/generators/team-stack/generator";
import { declaredStacks, workspaceCopy, type WorkspaceCopy } from "@ml-iam/tools/src/testing";
import { flushChanges, FsTree } from "nx/src/generators/tree";

/** A throwaway copy of the workspace with a given number of team stacks, and the names of its stacks. */
export interface ScaledWorkspace extends WorkspaceCopy {
  stacks: string[];
}

/** The name of the n-th generated team: team-001, team-002, … */
export function generatedTeamName(n: number): string {
  return `team-${String(n).padStart(3, "0")}`;
}

/**
 * A copy of the workspace, outside it, with `stackCount` stacks: the repository's own, then teams written by
 * the team-stack generator (each access persona in turn), committed so that `nx affected` starts clean.
 */
export function scaledWorkspace(stackCount: number): ScaledWorkspace {
  const copy = workspaceCopy({ withFixtureConsumer: false });
  try {
    const existing = declaredStacks(copy.root).length;
    if (stackCount < existing) throw new Error(`a scaled workspace has at least the repository's ${existing} stacks, not ${stackCount}`);
    const personas = Object.keys(accessPersonas);
    const tree = new FsTree(copy.root, false);
    for (let n = 1; n <= stackCount - existing; n++) {
      teamStackGenerator(tree, { name: generatedTeamName(n), persona: personas[(n - 1) % personas.length] });
    }
    flushChanges(copy.root, tree.listChanges());
    copy.commit(`${stackCount - existing} generated team stacks`);
    return { ...copy, stacks: declaredStacks(copy.root).map((stack) => stack.name) };
  } catch (error) {
    copy.remove();
    throw error;
  }
}
