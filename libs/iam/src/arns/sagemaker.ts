import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

type Part = pulumi.Input<string>;
type ByName<T extends string> = (parts: { name: Part }) => Arn<`sagemaker:${T}`>;

/**
 * Builders of SageMaker ARNs in the scope's region and account. SageMaker reports some ARNs with the
 * name lowercased but authorizes requests on the name as given, so lowercase names keep both in step.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html
 */
export interface SageMakerArns {
  /** A notebook instance. */
  notebookInstance: ByName<"notebook-instance">;
  /** A notebook instance lifecycle configuration. */
  notebookInstanceLifecycleConfig: ByName<"notebook-instance-lifecycle-config">;
  /** A training job, or jobs by pattern (`${team}-*`). */
  trainingJob: ByName<"training-job">;
  /** A processing job. */
  processingJob: ByName<"processing-job">;
  /** A batch transform job. */
  transformJob: ByName<"transform-job">;
  /** A hyperparameter tuning job. */
  hyperParameterTuningJob: ByName<"hyper-parameter-tuning-job">;
  /** An AutoML job. */
  automlJob: ByName<"automl-job">;
  /** A data quality monitoring job definition. */
  dataQualityJobDefinition: ByName<"data-quality-job-definition">;
  /** A model quality monitoring job definition. */
  modelQualityJobDefinition: ByName<"model-quality-job-definition">;
  /** A model bias monitoring job definition. */
  modelBiasJobDefinition: ByName<"model-bias-job-definition">;
  /** A model explainability monitoring job definition. */
  modelExplainabilityJobDefinition: ByName<"model-explainability-job-definition">;
  /** A model. */
  model: ByName<"model">;
  /** An endpoint. */
  endpoint: ByName<"endpoint">;
  /** An endpoint configuration. */
  endpointConfig: ByName<"endpoint-config">;
  /** A pipeline. */
  pipeline: ByName<"pipeline">;
  /** An execution of a pipeline: `pipeline/${pipeline}/execution/${id}`. */
  pipelineExecution(parts: { pipeline: Part; id: Part }): Arn<"sagemaker:pipeline-execution">;
  /** A Studio domain, by its id (`d-…`). */
  domain(parts: { id: Part }): Arn<"sagemaker:domain">;
  /** A user profile of a domain. */
  userProfile(parts: { domainId: Part; name: Part }): Arn<"sagemaker:user-profile">;
  /** A Studio app; `userProfile` is the space's name for apps that run in a space. */
  app(parts: { domainId: Part; userProfile: Part; type: Part; name: Part }): Arn<"sagemaker:app">;
  /** A space of a domain. */
  space(parts: { domainId: Part; name: Part }): Arn<"sagemaker:space">;
  /** An experiment. */
  experiment: ByName<"experiment">;
  /** A trial of an experiment. */
  experimentTrial: ByName<"experiment-trial">;
  /** A trial component. */
  experimentTrialComponent: ByName<"experiment-trial-component">;
  /** A model package; a versioned package's name is `${group}/${version}`. */
  modelPackage: ByName<"model-package">;
  /** A model package group (a model registry entry). */
  modelPackageGroup: ByName<"model-package-group">;
  /** A model monitoring schedule. */
  monitoringSchedule: ByName<"monitoring-schedule">;
  /** A custom image. */
  image: ByName<"image">;
  /** A version of a custom image. */
  imageVersion(parts: { image: Part; version: Part }): Arn<"sagemaker:image-version">;
  /** A Studio lifecycle configuration. */
  studioLifecycleConfig: ByName<"studio-lifecycle-config">;
}

/** SageMaker ARN builders for a scope. */
export function sageMakerArns(scope: AwsScope): SageMakerArns {
  const arn = (resource: Part) =>
    pulumi.interpolate`arn:${scope.partition}:sagemaker:${scope.region}:${scope.account}:${resource}`;
  // Most SageMaker types are `${type}/${name}`, the type key doubling as the ARN's resource segment.
  const byName =
    <T extends string>(type: T): ByName<T> =>
    (parts) => {
      const { name } = nonEmptyParts(`sagemaker ${type}`, parts);
      return { resourceType: `sagemaker:${type}` as const, value: arn(pulumi.interpolate`${type}/${name}`) };
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
      return { resourceType: "sagemaker:pipeline-execution", value: arn(pulumi.interpolate`pipeline/${pipeline}/execution/${id}`) };
    },
    domain: (parts) => {
      const { id } = nonEmptyParts("sagemaker domain", parts);
      return { resourceType: "sagemaker:domain", value: arn(pulumi.interpolate`domain/${id}`) };
    },
    userProfile: (parts) => {
      const { domainId, name } = nonEmptyParts("sagemaker user-profile", parts);
      return { resourceType: "sagemaker:user-profile", value: arn(pulumi.interpolate`user-profile/${domainId}/${name}`) };
    },
    app: (parts) => {
      const { domainId, userProfile, type, name } = nonEmptyParts("sagemaker app", parts);
      return { resourceType: "sagemaker:app", value: arn(pulumi.interpolate`app/${domainId}/${userProfile}/${type}/${name}`) };
    },
    space: (parts) => {
      const { domainId, name } = nonEmptyParts("sagemaker space", parts);
      return { resourceType: "sagemaker:space", value: arn(pulumi.interpolate`space/${domainId}/${name}`) };
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
      return { resourceType: "sagemaker:image-version", value: arn(pulumi.interpolate`image-version/${image}/${version}`) };
    },
    studioLifecycleConfig: byName("studio-lifecycle-config"),
  };
}
