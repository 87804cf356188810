import type { PolicyConfigSchema, ResourceValidation, ResourceValidationPolicy } from "@pulumi/policy";
import { boundaryOnTeamRoles } from "./boundary-on-team-roles";
import { boundaryArnPatternSyntax, defaultBoundaryArnPattern, type BoundaryConfig } from "./central-boundary";
import { policyDocumentsPassRules } from "./policy-documents-pass-rules";
import type { PolicyResource } from "./policy-resource";
import { teamPath } from "./team-path";

/** The pack's name, as `pulumi preview` prints it with each violation. */
export const policyPackName = "ml-iam-guardrails";

/** The config both boundary-aware policies take: `{ "<policy>": { "boundaryArnPattern": "arn:…" } }`. */
const boundaryConfigSchema: PolicyConfigSchema = {
  properties: {
    boundaryArnPattern: {
      type: "string",
      pattern: boundaryArnPatternSyntax,
      default: defaultBoundaryArnPattern,
      description: "The central permissions boundary's ARN; <partition> and <account> match any partition and account.",
    },
  },
};

/** Runs a validator on the resource Pulumi is about to create or update, reporting each message as a violation. */
function reporting(validate: (resource: PolicyResource, config: BoundaryConfig) => string[]): ResourceValidation {
  return (args, reportViolation) => {
    const config = args.getConfig<BoundaryConfig>();
    for (const message of validate({ type: args.type, props: args.props, urn: args.urn }, config)) reportViolation(message);
  };
}

/** The pack's policies, all mandatory: a violation stops the preview and the update. */
export const policies: ResourceValidationPolicy[] = [
  {
    name: "boundary-on-team-roles",
    description: `Every role of a team stack has the central permissions boundary (${defaultBoundaryArnPattern} unless configured).`,
    enforcementLevel: "mandatory",
    configSchema: boundaryConfigSchema,
    remediationSteps: "Create team roles with TeamRole from @ml-iam/team-stack, given central-ai's permissionsBoundaryArn output.",
    validateResource: reporting(boundaryOnTeamRoles),
  },
  {
    name: "policy-documents-pass-rules",
    description: "No IAM policy document (managed, trust, inline, permission set inline) has an error finding of the policy rule registry.",
    enforcementLevel: "mandatory",
    configSchema: boundaryConfigSchema,
    remediationSteps: "Fix the statement the message names; `ml-iam lint <policy.json>` runs the same rules locally (docs/policy-rules.md).",
    validateResource: reporting(policyDocumentsPassRules),
  },
  {
    name: "team-path",
    description: "The IAM roles, policies, users, groups and instance profiles of a team stack are under /ml/<team>/.",
    enforcementLevel: "mandatory",
    remediationSteps: "Give the resource the team's path, stack.names.path (teamNames in @ml-iam/team-stack).",
    validateResource: reporting(teamPath),
  },
];
