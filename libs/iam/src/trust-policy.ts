import * as pulumi from "@pulumi/pulumi";
import { isArn, type Arn } from "./arn";
import type { AwsScope } from "./aws-scope";
import type { Conditions } from "./condition";
import { policyVariable } from "./policy-variable";
import { allow, type Statement } from "./statement";
import { personTagKey } from "./team-conventions";

/**
 * Service principals that do not put `aws:SourceAccount`/`aws:SourceArn` into the request context when they
 * assume a role: a trust statement conditioned on those keys would never match, so {@link serviceTrust} omits
 * them. EC2 assumes an instance profile's role with no source resource; its confused-deputy protection is
 * `iam:PassRole` on the instance profile, not the trust policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceaccount
 */
export const servicePrincipalsWithoutSourceKeys: readonly string[] = ["ec2.amazonaws.com", "ec2.amazonaws.com.cn"];

/** A 12-digit AWS account id, or an Output checked by AWS when it resolves. */
function checkAccount(field: string, account: pulumi.Input<string>): pulumi.Input<string> {
  if (typeof account === "string" && !/^\d{12}$/.test(account)) {
    throw new Error(`${field} must be a 12-digit AWS account id, got ${JSON.stringify(account)}`);
  }
  return account;
}

/** What {@link serviceTrust} needs. */
export interface ServiceTrustArgs {
  /** One service principal or several, e.g. `sagemaker.amazonaws.com`. */
  service: string | readonly string[];
  /** The account whose resources may make the service assume the role (`aws:SourceAccount`). */
  account: pulumi.Input<string>;
  /** Narrows further to resources matching these ARNs (`ArnLike aws:SourceArn`), wildcards allowed. */
  sourceArn?: pulumi.Input<string> | Arn | readonly (pulumi.Input<string> | Arn)[];
}

/**
 * Lets AWS services assume the role on behalf of the given account only, guarding against the confused
 * deputy with `aws:SourceAccount` (and `aws:SourceArn` when given); services in
 * {@link servicePrincipalsWithoutSourceKeys} get no such conditions and cannot take `sourceArn`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
export function serviceTrust({ service, account, sourceArn }: ServiceTrustArgs): Statement {
  const services = typeof service === "string" ? [service] : [...service];
  if (services.length === 0) throw new Error("service must name at least one service principal");
  const malformed = services.filter((principal) => !/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(principal));
  if (malformed.length > 0) {
    throw new Error(`service must hold service principals such as sagemaker.amazonaws.com, got ${malformed.join(", ")}`);
  }
  const withoutKeys = services.filter((principal) => servicePrincipalsWithoutSourceKeys.includes(principal));
  checkAccount("account", account);
  if (withoutKeys.length === 0) {
    const conditions: Conditions = { StringEquals: { "aws:SourceAccount": account } };
    if (sourceArn !== undefined) {
      const arns = (Array.isArray(sourceArn) ? sourceArn : [sourceArn]) as (pulumi.Input<string> | Arn)[];
      if (arns.length === 0) throw new Error("sourceArn must not be an empty list: leave it out instead");
      conditions.ArnLike = { "aws:SourceArn": arns.map((arn) => (isArn(arn) ? arn.value : arn)) };
    }
    return allow({ principals: { service: services }, actions: ["sts:AssumeRole"], conditions });
  }
  if (withoutKeys.length < services.length) {
    // One statement's conditions apply to all its principals, and would lock these services out.
    throw new Error(
      `service mixes ${withoutKeys.join(", ")}, which sets no aws:SourceAccount, with other services: give each group a serviceTrust statement of its own`,
    );
  }
  if (sourceArn !== undefined) {
    throw new Error(`sourceArn cannot be used with ${withoutKeys.join(", ")}: it sets no aws:SourceArn when assuming a role`);
  }
  return allow({ principals: { service: services }, actions: ["sts:AssumeRole"] });
}

/** What {@link accountTrust} needs: the trusted account with its partition (an {@link AwsScope} will do). */
export interface AccountTrustArgs extends Pick<AwsScope, "partition" | "account"> {
  /** Require a session authenticated with MFA (`Bool aws:MultiFactorAuthPresent`); true by default. */
  requireMfa?: boolean;
}

/**
 * Trusts an account (`arn:${partition}:iam::${account}:root`): only principals of that account whose own
 * identity policies allow `sts:AssumeRole` on the role can assume it, never the whole account by default.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
 */
export function accountTrust({ partition, account, requireMfa = true }: AccountTrustArgs): Statement {
  checkAccount("account", account);
  // No sts:TagSession here: callers could set tags that attribute-based policies trust. personSessionTrust
  // allows the one tag policies rely on, pinned to the caller's own name.
  return allow({
    principals: { aws: [pulumi.interpolate`arn:${partition}:iam::${account}:root`] },
    actions: ["sts:AssumeRole"],
    conditions: requireMfa ? { Bool: { "aws:MultiFactorAuthPresent": "true" } } : undefined,
  });
}

/** What {@link personSessionTrust} needs: the trusted account, as for {@link accountTrust}. */
export type PersonSessionTrustArgs = Pick<AwsScope, "partition" | "account">;

/**
 * Lets the account's IAM users tag their sessions of the role with who they are, and with nothing else:
 * `person` must be the caller's own user name, so policies can trust `${aws:PrincipalTag/person}` (a
 * person's own Studio profile). Sessions without the tag still start; they just cannot use what needs it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 */
export function personSessionTrust({ partition, account }: PersonSessionTrustArgs): Statement {
  checkAccount("account", account);
  return allow({
    principals: { aws: [pulumi.interpolate`arn:${partition}:iam::${account}:root`] },
    actions: ["sts:TagSession"],
    conditions: {
      StringEquals: { [`aws:RequestTag/${personTagKey}`]: policyVariable("aws:username") },
      "ForAllValues:StringEquals": { "aws:TagKeys": [personTagKey] },
    },
  });
}

/** What {@link githubActionsTrust} needs. */
export interface GithubActionsTrustArgs {
  /** The account's OIDC provider for `token.actions.githubusercontent.com`. */
  providerArn: Arn<"iam:oidc-provider"> | pulumi.Input<string>;
  /** Allowed `sub` claims, e.g. `repo:org/repo:environment:central-ai-prod`; `*` and `?` make them patterns. */
  subjects: readonly string[];
  /** The `aud` claim the workflow requests; `sts.amazonaws.com` for aws-actions/configure-aws-credentials. */
  audience?: string;
}

/** Why a subject lets in repositories beyond its owner's, or undefined if it is pinned to an owner. */
function unpinnedSubject(subject: string): string | undefined {
  if (/^[*?]*$/.test(subject)) return "matches every repository";
  const repo = /^repo:([^/]*)/.exec(subject);
  if (repo && (repo[1] === "" || /[*?]/.test(repo[1] ?? "") || !subject.includes("/"))) {
    return "does not pin the repository owner (repo:<owner>/<repo>:…)";
  }
  return undefined;
}

/**
 * Lets GitHub Actions workflows whose OIDC token has one of the given subjects assume the role.
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 */
export function githubActionsTrust({ providerArn, subjects, audience = "sts.amazonaws.com" }: GithubActionsTrustArgs): Statement {
  // Without a subject condition any workflow of any GitHub repository can assume the role.
  if (subjects.length === 0) throw new Error("subjects must list at least one sub claim, e.g. repo:org/repo:environment:prod");
  for (const subject of subjects) {
    const problem = unpinnedSubject(subject);
    if (problem) throw new Error(`subjects: ${JSON.stringify(subject)} ${problem}: any GitHub repository could assume the role`);
  }
  if (audience === "") throw new Error("audience must not be empty");
  const subjectOperator = subjects.some((subject) => /[*?]/.test(subject)) ? "StringLike" : "StringEquals";
  const conditions: Conditions = { StringEquals: { "token.actions.githubusercontent.com:aud": audience } };
  conditions[subjectOperator] = { ...conditions[subjectOperator], "token.actions.githubusercontent.com:sub": [...subjects] };
  return allow({
    principals: { federated: [isArn(providerArn) ? providerArn.value : providerArn] },
    actions: ["sts:AssumeRoleWithWebIdentity"],
    conditions,
  });
}
