import { parseTeamWorkflows, type TeamWorkflows } from "@ml-iam/workflows";
import { relative } from "node:path";
import type { WorkspaceStack } from "./workspace-stacks";

/**
 * The workflows a stack declares in `src/workflows.ts`, loaded afresh (each env and each run reads the file
 * as it is now), or undefined for a stack that declares none. The error names the file.
 */
export function readStackWorkflows(stack: WorkspaceStack, workspaceRoot: string): TeamWorkflows | undefined {
  if (stack.workflows === undefined) return undefined;
  const file = relative(workspaceRoot, stack.workflows);
  delete require.cache[stack.workflows];
  let exported: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- declarations are loaded by path, as the program is
    exported = require(stack.workflows);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const declaration = parseTeamWorkflows(exported, file);
  if (declaration.project !== stack.name) throw new Error(`${file}: declares the workflows of ${declaration.project}; pass ${stack.name}'s contract to teamWorkflows`);
  return declaration;
}
