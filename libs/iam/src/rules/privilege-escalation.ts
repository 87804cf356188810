import { resourceMatchesArnFormat } from "../internal/arn-format-match";
import { findAction, findResourceType } from "../internal/service-catalog";
import type { NormalizedStatement } from "../normalized-policy";
import { coversEveryRole, namesResources, roleNameHasWildcard } from "./resource-names";
import type { Rule } from "./rule";
import { matchesIamPattern } from "../iam-pattern";
import { describeGrant, grantOf, restrictingConditions } from "./statement-grants";

/** An action that on its own lets a principal change who it is or what it may do, and what it gains. */
interface SingleActionEscalation {
  action: string;
  gain: string;
  /** A condition key whose listed values make the grant safe (`iam:PolicyARN`: only those policies attach). */
  safeWhenRestricting?: RegExp;
}

/**
 * Single actions of the known IAM escalation paths and their SageMaker counterparts: each rewrites the
 * permissions of the principals (or notebooks, Studio profiles, functions) its resource names.
 * https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 */
export const singleActionEscalations: readonly SingleActionEscalation[] = [
  { action: "iam:CreatePolicyVersion", gain: "rewrite the policy, and so the permissions of everyone holding it" },
  { action: "iam:SetDefaultPolicyVersion", gain: "switch the policy to another, possibly broader, version" },
  { action: "iam:AttachRolePolicy", gain: "attach any managed policy, AdministratorAccess included, to the role", safeWhenRestricting: /^iam:PolicyARN$/i },
  { action: "iam:AttachUserPolicy", gain: "attach any managed policy, AdministratorAccess included, to the user", safeWhenRestricting: /^iam:PolicyARN$/i },
  { action: "iam:AttachGroupPolicy", gain: "attach any managed policy, AdministratorAccess included, to the group", safeWhenRestricting: /^iam:PolicyARN$/i },
  { action: "iam:PutRolePolicy", gain: "write any inline policy into the role" },
  { action: "iam:PutUserPolicy", gain: "write any inline policy into the user" },
  { action: "iam:PutGroupPolicy", gain: "write any inline policy into the group" },
  { action: "iam:UpdateAssumeRolePolicy", gain: "rewrite the role's trust policy to let itself assume it" },
  { action: "iam:CreateAccessKey", gain: "create access keys for the user and act as it" },
  { action: "iam:CreateLoginProfile", gain: "give the user a console password and sign in as it" },
  { action: "iam:UpdateLoginProfile", gain: "reset the user's console password and sign in as it" },
  { action: "iam:AddUserToGroup", gain: "add users, itself included, to the group and take its permissions" },
  { action: "iam:DeleteRolePermissionsBoundary", gain: "remove the role's permissions boundary" },
  { action: "iam:PutRolePermissionsBoundary", gain: "replace the role's permissions boundary with a broader one", safeWhenRestricting: /^iam:PermissionsBoundary$/i },
  { action: "iam:DeleteUserPermissionsBoundary", gain: "remove the user's permissions boundary" },
  { action: "iam:PutUserPermissionsBoundary", gain: "replace the user's permissions boundary with a broader one", safeWhenRestricting: /^iam:PermissionsBoundary$/i },
  { action: "sts:AssumeRole", gain: "assume every role whose trust policy trusts the account, other teams' included" },
  { action: "sagemaker:CreatePresignedNotebookInstanceUrl", gain: "open other teams' notebooks and run code as their execution roles" },
  { action: "sagemaker:UpdateNotebookInstance", gain: "attach a lifecycle configuration to other teams' notebooks and run code as their roles" },
  { action: "sagemaker:UpdateNotebookInstanceLifecycleConfig", gain: "rewrite the start-up scripts of other teams' notebooks and run code as their roles" },
  { action: "sagemaker:CreatePresignedDomainUrl", gain: "open other people's Studio profiles and run code as their execution roles" },
  { action: "lambda:UpdateFunctionCode", gain: "replace functions' code and run it as their roles" },
];

/** Actions that start code running as a role passed to them, and the service the role is passed to. */
export const computeActions: readonly { action: string; service: string }[] = [
  { action: "sagemaker:CreateNotebookInstance", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreateTrainingJob", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreateProcessingJob", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreateHyperParameterTuningJob", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreateAutoMLJob", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreateAutoMLJobV2", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreateModel", service: "sagemaker.amazonaws.com" },
  { action: "sagemaker:CreatePipeline", service: "sagemaker.amazonaws.com" },
  { action: "ec2:RunInstances", service: "ec2.amazonaws.com" },
  { action: "lambda:CreateFunction", service: "lambda.amazonaws.com" },
  { action: "glue:CreateJob", service: "glue.amazonaws.com" },
  { action: "cloudformation:CreateStack", service: "cloudformation.amazonaws.com" },
];

/** A statement of one of a principal's documents; `policy` names the document when there are several. */
export interface SourcedStatement {
  statement: NormalizedStatement;
  policy?: string;
}

/** One request a path needs: the action, on a resource pattern of the statement that allows it. */
export interface EscalationStep {
  policy?: string;
  statement: number;
  action: string;
  resource: string;
}

/** A way for the principal to gain permissions it lacks, found in its statements. */
export interface EscalationPath {
  /** Where it is reported: the single action's statement, or the iam:PassRole statement of a combination. */
  policy?: string;
  statement: number;
  action: string;
  resource: string;
  message: string;
  /** Every request the path needs; a boundary or deny that blocks one of them closes it. */
  steps: EscalationStep[];
}

const tagScoped = /^[a-z0-9-]+:ResourceTag\//i;
const passRole = "iam:PassRole";

function arnFormatsOf(action: string): string[] {
  const info = findAction(action);
  return (info?.resourceTypes ?? []).flatMap((type) => {
    const format = info && findResourceType(info.service, type.name)?.arnFormat;
    return format ? [format] : [];
  });
}

/** The statement's resources an action applies to; a NotResource counts as everything. */
function resourcesFor(statement: NormalizedStatement, action: string): string[] {
  if (!statement.resources) return statement.notResources ? [`NotResource ${statement.notResources.join(", ")}`] : [];
  const formats = arnFormatsOf(action);
  return statement.resources.filter((resource) => resource === "*" || formats.some((format) => resourceMatchesArnFormat(resource, format)));
}

function where({ policy, statement }: { policy?: string; statement: number }): string {
  return policy ? `${policy} statement ${statement}` : `statement ${statement}`;
}

function singleActionPaths({ statement, policy }: SourcedStatement): EscalationPath[] {
  const paths: EscalationPath[] = [];
  // A tag condition names the resources as well as a name prefix does.
  if (restrictingConditions(statement, tagScoped).length > 0) return paths;
  for (const { action, gain, safeWhenRestricting } of singleActionEscalations) {
    const grant = grantOf(statement, action);
    if (grant === undefined) continue;
    if (safeWhenRestricting && restrictingConditions(statement, safeWhenRestricting).length > 0) continue;
    const formats = arnFormatsOf(action);
    const unnamed = resourcesFor(statement, action).filter(
      (resource) => resource.startsWith("NotResource ") || !formats.some((format) => resourceMatchesArnFormat(resource, format) && namesResources(resource, format)),
    );
    if (unnamed.length === 0) continue;
    const resource = unnamed.join(", ");
    paths.push({
      policy,
      statement: statement.index,
      action,
      resource,
      message: `${describeGrant(action, grant)} on ${resource} lets the principal ${gain}: allow it only on resources named for the team (a name or path prefix such as <team>-* or /ml/<team>/), or leave it out`,
      steps: [{ policy, statement: statement.index, action, resource: unnamed[0]! }],
    });
  }
  return paths;
}

/** Role patterns of a PassRole statement that match more than one role; a NotResource counts as all roles. */
function passableRolePatterns(statement: NormalizedStatement): string[] {
  if (!statement.resources) {
    return statement.notResources && !statement.notResources.some(coversEveryRole) ? [`NotResource ${statement.notResources.join(", ")}`] : [];
  }
  return resourcesFor(statement, passRole).filter(roleNameHasWildcard);
}

function combinationPaths(statements: readonly SourcedStatement[]): EscalationPath[] {
  const paths: EscalationPath[] = [];
  for (const { statement, policy } of statements) {
    const grant = grantOf(statement, passRole);
    if (grant === undefined) continue;
    const roles = passableRolePatterns(statement);
    if (roles.length === 0) continue;
    const services = restrictingConditions(statement, /^iam:PassedToService$/i).flatMap((condition) => condition.values);
    const compute = computeActions.flatMap(({ action, service }) => {
      if (services.length > 0 && !services.some((allowed) => matchesIamPattern(allowed, service, { caseInsensitive: true }))) return [];
      const granting = statements.find((candidate) => grantOf(candidate.statement, action) !== undefined && resourcesFor(candidate.statement, action).length > 0);
      if (!granting) return [];
      const step: EscalationStep = {
        policy: granting.policy,
        statement: granting.statement.index,
        action,
        resource: resourcesFor(granting.statement, action)[0]!,
      };
      return [step];
    });
    if (compute.length === 0) continue;
    for (const role of roles) {
      const passStep: EscalationStep = { policy, statement: statement.index, action: passRole, resource: role };
      const shown = compute.slice(0, 3).map((step) => `${step.action} (${where(step)})`);
      const more = compute.length > 3 ? ` and ${compute.length - 3} more` : "";
      paths.push({
        policy,
        statement: statement.index,
        action: passRole,
        resource: role,
        message: `${describeGrant(passRole, grant)} on ${role} with ${shown.join(", ")}${more} lets the principal run its code as any role the pattern matches, roles with more permissions than its own included: pass only the team's execution roles, each by exact ARN, with iam:PassedToService`,
        steps: [passStep, ...compute],
      });
    }
  }
  return paths;
}

/**
 * The ways a principal's statements let it gain permissions it lacks: single actions on principals,
 * notebooks or functions not named for the team, and iam:PassRole on a role pattern together with an
 * action that runs code as the passed role. Conditions other than tags, iam:PolicyARN and
 * iam:PermissionsBoundary are assumed satisfiable; Deny statements are not subtracted (a caller that has
 * the principal's boundary and denies checks each path's steps against them).
 */
export function escalationPaths(statements: readonly SourcedStatement[]): EscalationPath[] {
  return [...statements.flatMap(singleActionPaths), ...combinationPaths(statements)];
}

/** Escalation within one document; `escalationFindings` in libs/analysis looks across a principal's documents. */
export const privilegeEscalation: Rule = {
  code: "PRIVILEGE_ESCALATION",
  severity: "warning",
  trigger:
    "an Allow that lets a principal gain permissions it lacks: IAM writes on principals and policies (CreatePolicyVersion, Attach*/Put*Policy, UpdateAssumeRolePolicy, CreateAccessKey, *LoginProfile, AddUserToGroup, permissions boundary edits), sts:AssumeRole, notebook URL and lifecycle actions on resources not named for a team (no literal name or path prefix, no ResourceTag condition); or iam:PassRole on a role pattern with a wildcard together with an action that runs code as the role (sagemaker:Create{NotebookInstance,TrainingJob,ProcessingJob,…}, ec2:RunInstances, lambda:CreateFunction, …)",
  // A boundary is a ceiling, not a grant: iam:* there lets nobody do anything by itself.
  kinds: ["identity", "inline"],
  check({ policy }) {
    return escalationPaths(policy.statements.map((statement) => ({ statement }))).map(({ statement, action, resource, message }) => ({
      statement,
      action,
      resource,
      message,
    }));
  },
};
