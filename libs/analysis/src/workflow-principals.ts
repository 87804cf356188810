import type { PolicyDocumentJson } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { createHash } from "node:crypto";
import type { PlanPrincipal } from "./plan-principals";

/** A principal as a workflow step runs as it: its policies, its boundary, and the context its sessions carry. */
export interface SessionPrincipal {
  /** How reports name it: the role's name, the permission set's, or the policy a proof holds alone. */
  name: string;
  /** The role's ARN; a resource's trust policy finds the role by it. */
  arn: string;
  identity: readonly PolicyDocumentJson[];
  /** The name of each identity policy, in the order of `identity`. */
  identityNames: readonly string[];
  boundary?: PolicyDocumentJson;
  /** The trust policy of the role, for services that assume it. */
  trust?: PolicyDocumentJson;
  /** Keys AWS sets on every request of the session: `aws:PrincipalArn`, `aws:PrincipalTag/…`, `aws:userid`, … */
  context: Record<string, string>;
}

/** A deterministic stand-in for a role's unique id (`AROA…`), which AWS assigns when it creates the role. */
function roleId(arn: string): string {
  return `AROA${createHash("sha256").update(arn).digest("hex").slice(0, 17).toUpperCase()}`;
}

/**
 * The role an Identity Center permission set provisions in an account, as IAM sees its sessions: under
 * `/aws-reserved/sso.amazonaws.com/<region>/`, named `AWSReservedSSO_<set>_<suffix>`, where AWS picks the suffix.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
export function permissionSetRoleArn(plan: Pick<PlanFile, "partition" | "account" | "region">, setName: string, setArn: string): string {
  const suffix = createHash("sha256").update(setArn).digest("hex").slice(0, 16);
  return `arn:${plan.partition}:iam::${plan.account}:role/aws-reserved/sso.amazonaws.com/${plan.region}/AWSReservedSSO_${setName}_${suffix}`;
}


/**
 * The MFA keys of a session begun with MFA: a person reaches the team's access role only through a trust
 * policy that requires it, and the proof takes the session as just begun.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
const mfaContext: Readonly<Record<string, string>> = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "0" };

/**
 * The context AWS sets on every request a session of a role makes: who it is (ARN, account, user id, type),
 * its tags (the role's and the session's own), where it asks (region, over TLS), and MFA when it began with it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
function sessionContext(plan: PlanFile, roleArn: string, sessionName: string, tags: Record<string, string>, mfa: boolean): Record<string, string> {
  return {
    "aws:PrincipalArn": roleArn,
    "aws:PrincipalAccount": plan.account,
    "aws:PrincipalType": "AssumedRole",
    "aws:userid": `${roleId(roleArn)}:${sessionName}`,
    "aws:RequestedRegion": plan.region,
    "aws:SecureTransport": "true",
    ...(mfa ? mfaContext : {}),
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])),
  };
}

/**
 * A planned role or permission set as the sessions that workflows run as: a person's session carries the
 * `person` session tag and the MFA its trust policy requires; a permission set's session carries only the tags
 * given (the identity stack's access-control attribute, `team`, is one), not the set's, and no MFA keys, since it
 * is federated from Identity Center, whose sign-in MFA IAM's MFA keys do not reflect.
 */
export function sessionPrincipal(plan: PlanFile, principal: PlanPrincipal, session: { name: string; tags?: Record<string, string>; person?: boolean }): SessionPrincipal {
  const isPermissionSet = principal.kind === "permission-set";
  const arn = isPermissionSet ? permissionSetRoleArn(plan, principal.name, principal.arn) : principal.arn;
  const tags = isPermissionSet ? { ...session.tags } : { ...principal.tags, ...session.tags };
  const held = principal.policies.filter((policy) => policy.document !== undefined);
  return {
    name: principal.name,
    arn,
    identity: held.map((policy) => policy.document!),
    identityNames: held.map((policy) => policy.name),
    boundary: principal.boundary?.document,
    trust: principal.trust,
    context: sessionContext(plan, arn, session.name, tags, session.person === true && !isPermissionSet),
  };
}

/** A deterministic stand-in for a user's unique id (`AIDA…`), which AWS assigns when it creates the user. */
function userId(arn: string): string {
  return `AIDA${createHash("sha256").update(arn).digest("hex").slice(0, 17).toUpperCase()}`;
}

/**
 * An IAM user of the team as it signs in, before it assumes any role: a member of the team's group, holding the
 * group's policies and, where the plan creates the user (central-ai's), its own policies and boundary. A member
 * the plan does not create is an existing user at the root path. MFA keys are the request's: it signs in first.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-username
 */
export function userPrincipal(plan: PlanFile, group: PlanPrincipal, member: string, planned: PlanPrincipal | undefined): SessionPrincipal {
  const arn = planned?.arn ?? `arn:${plan.partition}:iam::${plan.account}:user/${member}`;
  const held = [...group.policies, ...(planned?.policies ?? [])].filter((policy) => policy.document !== undefined);
  return {
    name: `${member} (${group.name})`,
    arn,
    identity: held.map((policy) => policy.document!),
    identityNames: held.map((policy) => policy.name),
    boundary: planned?.boundary?.document,
    context: {
      "aws:PrincipalArn": arn,
      "aws:PrincipalAccount": plan.account,
      "aws:PrincipalType": "User",
      "aws:userid": userId(arn),
      "aws:username": member,
      "aws:RequestedRegion": plan.region,
      "aws:SecureTransport": "true",
      ...Object.fromEntries(Object.entries(planned?.tags ?? {}).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])),
    },
  };
}

/** A role that holds one policy only, within the team's boundary, in a person's MFA session: how a shared policy is proven on its own. */
export function policyHolder(plan: PlanFile, policy: { name: string; arn: string; document: PolicyDocumentJson }, boundary: PolicyDocumentJson | undefined, tags: Record<string, string>): SessionPrincipal {
  const arn = `arn:${plan.partition}:iam::${plan.account}:role/ml/${plan.stack}/holder-of-${policy.name}`;
  return { name: `a role holding only ${policy.name}`, arn, identity: [policy.document], identityNames: [policy.name], boundary, context: sessionContext(plan, arn, "proof", tags, true) };
}
