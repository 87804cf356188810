export type { ActionPattern } from "./action-pattern";
export { isArn, type Arn } from "./arn";
export {
  arnBuilders,
  type ArnBuilders,
  type Ec2Arns,
  type EcrArns,
  type IamArns,
  type IamNameWithPath,
  type IdentityStoreArns,
  type KmsArns,
  type LogsArns,
  type S3Arns,
  type SageMakerArns,
  type SsoArns,
} from "./arns";
export { awsPartitionOfRegion, awsPartitions, type AwsPartition } from "./aws-partitions";
export { partitionOfRegion, scopeFromRegion, type AwsScope } from "./aws-scope";
export {
  conditionOperatorFamilies,
  operatorFamily,
  type ConditionBlock,
  type ConditionOperator,
  type ConditionOperatorFamily,
  type Conditions,
  type ConditionValues,
  type WebIdentityConditionKey,
} from "./condition";
export { formatFinding, type Finding, type Severity } from "./finding";
export type { KnownAction, ServicePrefix } from "./generated/actions";
export type { ConditionKey, GlobalConditionKey, ServiceConditionKey } from "./generated/condition-keys";
export { iamDataVersion } from "./generated/iam-data-version";
export { teamPermissionsBoundary, type TeamPermissionsBoundaryArgs } from "./guardrails/team-permissions-boundary";
export { normalizePolicy, type NormalizedCondition, type NormalizedPolicy, type NormalizedStatement } from "./normalized-policy";
export { checkAndRender, collectPolicyWarnings, policyDocument, type PolicyDocumentOptions } from "./policy-document";
export {
  asList,
  type ConditionJson,
  type PolicyDocumentJson,
  type PolicyKind,
  type PrincipalJson,
  type StatementJson,
} from "./policy-json";
export { PolicyValidationError } from "./policy-validation-error";
export { policyVariable } from "./policy-variable";
export type { Principals } from "./principal";
export { characterLimit, defaultQuotas, policyCharacterCount, splitStatementsToFit, type Quotas } from "./quotas";
export { renderPolicyJson, toPolicyJson, type ResolvedPrincipals, type ResolvedStatement } from "./render-policy";
export { renderRuleTable } from "./rule-table";
export { findRule, ruleRegistry } from "./rule-registry";
export type { Rule, RuleContext, RuleHit } from "./rules/rule";
export { allow, deny, type ResourceRef, type Statement, type StatementArgs } from "./statement";
export {
  accountTrust,
  githubActionsTrust,
  personSessionTrust,
  servicePrincipalsWithoutSourceKeys,
  serviceTrust,
  type AccountTrustArgs,
  type GithubActionsTrustArgs,
  type PersonSessionTrustArgs,
  type ServiceTrustArgs,
} from "./trust-policy";
export { validatePolicy, type ValidationOptions } from "./validate-policy";
export { actionsOnlyOnAnyResource, sageMakerReadOnly } from "./activities/sagemaker-read-only";
export { teamNamePrefix, type ActivityContext } from "./activities/activity-context";
export { ecrPull, type EcrPullArgs } from "./activities/ecr-pull";
export { manageEndpoints } from "./activities/manage-endpoints";
export { manageExperiments } from "./activities/manage-experiments";
export { manageMlJobs, type ManageMlJobsArgs } from "./activities/manage-ml-jobs";
export { manageModels, type ManageModelsArgs } from "./activities/manage-models";
export { credentialSelfServiceActions, manageOwnCredentials, ownCredentialArns } from "./activities/manage-own-credentials";
export { managePipelines, type ManagePipelinesArgs } from "./activities/manage-pipelines";
export { modelMonitoring, type ModelMonitoringArgs } from "./activities/model-monitoring";
export { passRole, type PassRoleArgs } from "./activities/pass-role";
export { runStudioApps, type RunStudioAppsArgs } from "./activities/run-studio-apps";
export { openStudio, type OpenStudioArgs } from "./activities/open-studio";
export { uploadTrainingCode, type UploadTrainingCodeArgs } from "./activities/upload-training-code";
export { readJobLogs } from "./activities/read-job-logs";
export { ecrPush, type EcrPushArgs } from "./activities/ecr-push";
export { runPipelineSteps, type RunPipelineStepsArgs } from "./activities/run-pipeline-steps";
export { sessionManagerInstance, sessionManagerSessions } from "./activities/session-manager";
export { s3BucketAccess, type S3BucketAccessArgs, type S3Buckets } from "./activities/s3-bucket-access";
export { sageMakerFullAccess } from "./activities/sagemaker-full-access";
export { sageMakerKms, type SageMakerKmsArgs } from "./activities/sagemaker-kms";
export { s3KmsKeys, type S3KmsKeysArgs } from "./activities/s3-kms-keys";
export { sageMakerLogs } from "./activities/sagemaker-logs";
export { searchAndVisualizeExperiments } from "./activities/search-and-visualize-experiments";
export { viewMlResources } from "./activities/view-ml-resources";
export { vpcNetworkInterfaces, type VpcNetworkInterfacesArgs } from "./activities/vpc-network-interfaces";
export { dataScientist } from "./personas/data-scientist";
export { modelBuilder } from "./personas/model-builder";
export type { PersonaBuilder, PersonaPolicies, PersonaPolicy, PersonaRole } from "./personas/persona";
export { personas, type PersonaName } from "./personas/persona-registry";
export { readOnlyMlUser } from "./personas/read-only-ml-user";
export { sageMakerCompute } from "./personas/sagemaker-compute";
export type { TeamResources } from "./personas/team-resources";
export { ec2DistributedTraining, type Ec2DistributedTrainingArgs } from "./activities/ec2-distributed-training";
export { actionsNamedBy, expandActionPattern, findResourceType, type ActionInfo, type ResourceTypeInfo } from "./internal/service-catalog";
export { resourceArnMatcher, resourceMatchesArnFormat } from "./internal/arn-format-match";
export { managedPolicyReference, type ManagedPolicyReference } from "./arns/managed-policy-reference";
export { matchesIamPattern } from "./iam-pattern";
export { escalationPaths, type EscalationPath, type EscalationStep, type SourcedStatement } from "./rules/privilege-escalation";
export { teamDeployRolePolicy, type DeliveryRolePolicy, type TeamDeployRolePolicyArgs } from "./guardrails/deploy-role-policy";
export { teamPreviewRolePolicy, type TeamPreviewRolePolicyArgs } from "./guardrails/preview-role-policy";
export type { DeliveryPlatformScope, DeliveryRoleScope } from "./guardrails/delivery-role-scope";
export { arnTexts, type ArnPart, type ArnScope, type ArnValue, type SsmArns } from "./arns";
export {
  centralBoundaryArn,
  centralBoundaryName,
  centralTeam,
  checkTeamName,
  isTeamResourceName,
  maxTeamNameLength,
  personTagKey,
  sageMakerLogGroups,
  stackConfigFile,
  studioUserProfileName,
  teamIamPath,
  teamLogGroupPrefix,
  teamNamePattern,
  teamNameProblems,
  teamNameSyntax,
  teamRepositoryPrefix,
  teamTagKey,
} from "./team-conventions";
export { anyCharacter, anyRun, compileMarkedPattern, hasWildcards, markWildcards, matchesMarkedPattern, type WildcardMatcher } from "./wildcard-pattern";
