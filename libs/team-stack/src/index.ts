export { accountId, arnString, bucketName, ec2InstanceType, ecrRepositoryName, iamUserName, imageId, kmsKeyArn, launchTemplateId, securityGroupId, subnetId, teamName } from "./config-schemas";
export { commonConfigShape, readStackConfig, stackConfigFile, type TeamStack } from "./stack-config";
export { StackConfigError } from "./stack-config-error";
export {
  deliveredTeams,
  deliveryConfigShape,
  deliveryPath,
  DeliveryRoles,
  githubOidcAudience,
  githubOidcUrl,
  type DeliveredTeam,
  type DeliveryConfig,
  type DeliveryRolesArgs,
} from "./delivery-roles";
export { envDelivery, type EnvDelivery, type EnvDeliveryArgs } from "./env-delivery";
export { accountOfPolicyArn, identityCenterAccountProblems, type IdentityCenterAccounts } from "./identity-center-account";
export { identityCenterPeopleProblems } from "./identity-center-people";
export { IdentityCenterTeam, type IdentityCenterTeamArgs, type TeamEnvAccess } from "./identity-center-team";
export { pgpPublicKey } from "./pgp-public-key";
export { platformBucketNameProblems } from "./platform-bucket-names";
export { TeamGroup, type TeamGroupArgs } from "./team-group";
export { teamManagedPolicy, type TeamManagedPolicyArgs } from "./team-managed-policy";
export { policyArns, teamPersonaPolicies, type TeamPersonaPoliciesArgs } from "./team-persona-policies";
export { maxRoleNameLength, teamNames, type TeamNames } from "./team-names";
export { TeamRole, type TeamRoleArgs } from "./team-role";
export { teamAccessRole, type TeamAccessRoleArgs } from "./team-access-role";
export { teamServiceRole, type TeamServiceRoleArgs } from "./team-service-role";
export { TeamUsers, teamUserKeyProblems, type TeamUsersArgs } from "./team-users";
export {
  addTeam,
  formatTeamsRegistry,
  githubTeamHandle,
  parseTeamsRegistry,
  readTeamsRegistry,
  removeTeam,
  teamOfStack,
  teamsRegistryFile,
  TeamsRegistryError,
  type TeamEntry,
  type TeamsRegistry,
} from "./teams-registry";
export { z } from "zod";
export { teamResourceConventionProblems, teamResources, teamResourcesConfigShape, type TeamResourcesArgs, type TeamResourcesConfig } from "./team-resources-config";
