export { arnSchema } from "./arn-schema";
export { centralAi, type CentralAiOutputs } from "./central-ai";
export { contractOf, contracts } from "./contract-registry";
export { dataScientists, type DataScientistsOutputs } from "./data-scientists";
export { distributedMl, type DistributedMlOutputs } from "./distributed-ml";
export { identity, type IdentityOutputs } from "./identity";
export { modelBuilders, type ModelBuildersOutputs } from "./model-builders";
export { peopleAccessOf, peopleAccessShape, type PeopleAccessOutputs } from "./people-access";
export {
  clearRecordedReferences,
  defaultStackName,
  defineStackContract,
  recordedStackReferences,
  type ConsumerOutputs,
  type ProducerOutputs,
  type RecordedReference,
  type StackContract,
  type StackContractInfo,
} from "./stack-contract";
