export { assignIdentity, stableSuffix, type PlanScope } from "./aws-identity-assignment";
export { canonicalJson } from "./canonical-json";
export { PlanError } from "./plan-error";
export {
  parsePlanFile,
  planFileJsonSchema,
  planFileSchema,
  type PlanFile,
  type PlannedResource,
  type PlanWorkflow,
} from "./plan-file";
export { planStack, type PlanStackOptions } from "./plan-stack";
export { PlanStore } from "./plan-store";
export { planOneLiner, renderPlanSummary } from "./plan-summary";
export { RecordingMocks, stackReferenceType } from "./recording-mocks";
export { readStackConfigFile, secretPlaceholder, type StackConfig } from "./stack-config-file";
export { identityStackTag, listWorkspaceStacks, readWorkspaceStack, type WorkspaceStack } from "./workspace-stacks";
export { readStackWorkflows } from "./stack-workflows";
export { describeFileError, FileWriteError, withCleanupFailures, writeFilesWhole, type FileToWrite } from "./write-files";
