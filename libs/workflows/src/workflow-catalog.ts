import { deployModel, registerModel } from "./catalog/deploy-model";
import { launchCluster, launchFromTemplate, launchSpot, launchTrainingInstance } from "./catalog/launch-training-instances";
import { neverCrossTeams, neverReadDeployState, neverWriteSharedDatasets } from "./catalog/never-cross-team";
import { openStudio } from "./catalog/open-studio";
import { pushImage } from "./catalog/push-image";
import { readSharedDatasets } from "./catalog/read-shared-datasets";
import { runPipeline } from "./catalog/run-pipeline";
import { neverManageOthersCredentials, neverSignInWithoutMfa, signIn } from "./catalog/sign-in";
import { trainFromLaptop, trainFromStudio, trainingJobRuns } from "./catalog/train-model";
import { trainingNodesRun } from "./catalog/training-nodes-run";
import { neverChangeMlResources, viewMlResources } from "./catalog/view-ml-resources";
import type { WorkflowDefinition } from "./workflow-definition";

const definitions = [
  openStudio,
  trainFromLaptop,
  trainFromStudio,
  trainingJobRuns,
  pushImage,
  runPipeline,
  registerModel,
  deployModel,
  readSharedDatasets,
  launchTrainingInstance,
  launchCluster,
  launchFromTemplate,
  launchSpot,
  trainingNodesRun,
  viewMlResources,
  signIn,
  neverChangeMlResources,
  neverCrossTeams,
  neverWriteSharedDatasets,
  neverReadDeployState,
  neverSignInWithoutMfa,
  neverManageOthersCredentials,
] as const;

/** The name of a workflow of the catalog. */
export type WorkflowName = (typeof definitions)[number]["name"];

/** Every canonical workflow, by name. */
export const workflowCatalog: ReadonlyMap<WorkflowName, WorkflowDefinition> = new Map(definitions.map((definition) => [definition.name, definition]));

/** The catalog entry of a name, or an error listing the names there are. */
export function findWorkflow(name: string): WorkflowDefinition {
  const definition = workflowCatalog.get(name as WorkflowName);
  if (!definition) throw new Error(`unknown workflow ${JSON.stringify(name)}: the workflows are ${[...workflowCatalog.keys()].join(", ")}`);
  return definition;
}
