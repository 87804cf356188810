import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

type ByName<T extends string, V extends ArnValue> = (parts: { name: ArnPart<V> }) => Arn<`sagemaker:${T}`, V>;

/**
 * Builders of SageMaker ARNs in the scope's region and account. SageMaker reports some ARNs with the
 * name lowercased but authorizes requests on the name as given, so lowercase names keep both in step.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html
 */
export interface SageMakerArns<V extends ArnValue = pulumi.Output<string>> {
  /** A notebook instance. */
  notebookInstance: ByName<"notebook-instance", V>;
  /** A notebook instance lifecycle configuration. */
  notebookInstanceLifecycleConfig: ByName<"notebook-instance-lifecycle-config", V>;
  /** A training job, or jobs by pattern (`${team}-*`). */
  trainingJob: ByName<"training-job", V>;
  /** A processing job. */
  processingJob: ByName<"processing-job", V>;
  /** A batch transform job. */
  transformJob: ByName<"transform-job", V>;
  /** A hyperparameter tuning job. */
  hyperParameterTuningJob: ByName<"hyper-parameter-tuning-job", V>;
  /** An AutoML job. */
  automlJob: ByName<"automl-job", V>;
  /** A data quality monitoring job definition. */
  dataQualityJobDefinition: ByName<"data-quality-job-definition", V>;
  /** A model quality monitoring job definition. */
  modelQualityJobDefinition: ByName<"model-quality-job-definition", V>;
  /** A model bias monitoring job definition. */
  modelBiasJobDefinition: ByName<"model-bias-job-definition", V>;
  /** A model explainability monitoring job definition. */
  modelExplainabilityJobDefinition: ByName<"model-explainability-job-definition", V>;
  /** A model. */
  model: ByName<"model", V>;
  /** An endpoint. */
  endpoint: ByName<"endpoint", V>;
  /** An endpoint configuration. */
  endpointConfig: ByName<"endpoint-config", V>;
  /** A pipeline. */
  pipeline: ByName<"pipeline", V>;
  /** An execution of a pipeline: `pipeline/${pipeline}/execution/${id}`. */
  pipelineExecution(parts: { pipeline: ArnPart<V>; id: ArnPart<V> }): Arn<"sagemaker:pipeline-execution", V>;
  /** A Studio domain, by its id (`d-…`). */
  domain(parts: { id: ArnPart<V> }): Arn<"sagemaker:domain", V>;
  /** A user profile of a domain. */
  userProfile(parts: { domainId: ArnPart<V>; name: ArnPart<V> }): Arn<"sagemaker:user-profile", V>;
  /** A Studio app; `userProfile` is the space's name for apps that run in a space. */
  app(parts: { domainId: ArnPart<V>; userProfile: ArnPart<V>; type: ArnPart<V>; name: ArnPart<V> }): Arn<"sagemaker:app", V>;
  /** A space of a domain. */
  space(parts: { domainId: ArnPart<V>; name: ArnPart<V> }): Arn<"sagemaker:space", V>;
  /** An experiment. */
  experiment: ByName<"experiment", V>;
  /** A trial of an experiment. */
  experimentTrial: ByName<"experiment-trial", V>;
  /** A trial component. */
  experimentTrialComponent: ByName<"experiment-trial-component", V>;
  /** A model package; a versioned package's name is `${group}/${version}`. */
  modelPackage: ByName<"model-package", V>;
  /** A model package group (a model registry entry). */
  modelPackageGroup: ByName<"model-package-group", V>;
  /** A model monitoring schedule. */
  monitoringSchedule: ByName<"monitoring-schedule", V>;
  /** A custom image. */
  image: ByName<"image", V>;
  /** A version of a custom image. */
  imageVersion(parts: { image: ArnPart<V>; version: ArnPart<V> }): Arn<"sagemaker:image-version", V>;
  /** A Studio lifecycle configuration. */
  studioLifecycleConfig: ByName<"studio-lifecycle-config", V>;
}

/** SageMaker ARN builders for a scope. */
export function sageMakerArns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): SageMakerArns<V> {
  const arn = (resource: ArnPart<V>) => t.join`arn:${scope.partition}:sagemaker:${scope.region}:${scope.account}:${resource}`;
  // Most SageMaker types are `${type}/${name}`, the type key doubling as the ARN's resource segment.
  const byName =
    <T extends string>(type: T): ByName<T, V> =>
    (parts) => {
      const { name } = nonEmptyParts(`sagemaker ${type}`, parts);
      return { resourceType: `sagemaker:${type}` as const, value: arn(t.join`${type}/${name}` as ArnPart<V>) };
    };
  return {
    notebookInstance: byName("notebook-instance"),
    notebookInstanceLifecycleConfig: byName("notebook-instance-lifecycle-config"),
    trainingJob: byName("training-job"),
    processingJob: byName("processing-job"),
    transformJob: byName("transform-job"),
    hyperParameterTuningJob: byName("hyper-parameter-tuning-job"),
    automlJob: byName("automl-job"),
    dataQualityJobDefinition: byName("data-quality-job-definition"),
    modelQualityJobDefinition: byName("model-quality-job-definition"),
    modelBiasJobDefinition: byName("model-bias-job-definition"),
    modelExplainabilityJobDefinition: byName("model-explainability-job-definition"),
    model: byName("model"),
    endpoint: byName("endpoint"),
    endpointConfig: byName("endpoint-config"),
    pipeline: byName("pipeline"),
    pipelineExecution: (parts) => {
      const { pipeline, id } = nonEmptyParts("sagemaker pipeline-execution", parts);
      return { resourceType: "sagemaker:pipeline-execution", value: arn(t.join`pipeline/${pipeline}/execution/${id}` as ArnPart<V>) };
    },
    domain: (parts) => {
      const { id } = nonEmptyParts("sagemaker domain", parts);
      return { resourceType: "sagemaker:domain", value: arn(t.join`domain/${id}` as ArnPart<V>) };
    },
    userProfile: (parts) => {
      const { domainId, name } = nonEmptyParts("sagemaker user-profile", parts);
      return { resourceType: "sagemaker:user-profile", value: arn(t.join`user-profile/${domainId}/${name}` as ArnPart<V>) };
    },
    app: (parts) => {
      const { domainId, userProfile, type, name } = nonEmptyParts("sagemaker app", parts);
      return { resourceType: "sagemaker:app", value: arn(t.join`app/${domainId}/${userProfile}/${type}/${name}` as ArnPart<V>) };
    },
    space: (parts) => {
      const { domainId, name } = nonEmptyParts("sagemaker space", parts);
      return { resourceType: "sagemaker:space", value: arn(t.join`space/${domainId}/${name}` as ArnPart<V>) };
    },
    experiment: byName("experiment"),
    experimentTrial: byName("experiment-trial"),
    experimentTrialComponent: byName("experiment-trial-component"),
    modelPackage: byName("model-package"),
    modelPackageGroup: byName("model-package-group"),
    monitoringSchedule: byName("monitoring-schedule"),
    image: byName("image"),
    imageVersion: (parts) => {
      const { image, version } = nonEmptyParts("sagemaker image-version", parts);
      return { resourceType: "sagemaker:image-version", value: arn(t.join`image-version/${image}/${version}` as ArnPart<V>) };
    },
    studioLifecycleConfig: byName("studio-lifecycle-config"),
  };
}
