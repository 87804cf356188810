import { centralAi } from "./central-ai";
import { dataScientists } from "./data-scientists";
import { distributedMl } from "./distributed-ml";
import { identity } from "./identity";
import { modelBuilders } from "./model-builders";
import type { StackContractInfo } from "./stack-contract";

/** Every stack's contract, by project name. */
export const contracts: Readonly<Record<string, StackContractInfo>> = {
  [centralAi.project]: centralAi,
  [dataScientists.project]: dataScientists,
  [distributedMl.project]: distributedMl,
  [identity.project]: identity,
  [modelBuilders.project]: modelBuilders,
};

/** The contract of a stack, or undefined for a stack that exports none. */
export function contractOf(project: string): StackContractInfo | undefined {
  return contracts[project];
}
