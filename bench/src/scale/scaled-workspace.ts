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
    const existing = new Set(declaredStacks(copy.root).map((stack) => stack.name));
    if (stackCount < existing.size) throw new Error(`a scaled workspace has at least the repository's ${existing.size} stacks, not ${stackCount}`);
    const personas = Object.keys(accessPersonas);
    const tree = new FsTree(copy.root, false);
    // Numbered after any generated team the repository already has, so that a copy of a copy grows too.
    for (let n = 1, added = 0; added < stackCount - existing.size; n++) {
      if (existing.has(generatedTeamName(n))) continue;
      teamStackGenerator(tree, { name: generatedTeamName(n), persona: personas[added % personas.length] });
      added += 1;
    }
    flushChanges(copy.root, tree.listChanges());
    copy.commit(`${stackCount - existing.size} generated team stacks`);
    return { ...copy, stacks: declaredStacks(copy.root).map((stack) => stack.name) };
  } catch (error) {
    copy.remove();
    throw error;
  }
}
