import type { NormalizedStatement } from "../normalized-policy";
import { asList } from "../policy-json";
import type { Rule, RuleHit } from "./rule";
import { grantOf, restrictingConditions } from "./statement-grants";

const webIdentity = "sts:AssumeRoleWithWebIdentity";
const github = "token.actions.githubusercontent.com";

/** The provider whose keys (`<provider>:aud`) a Federated principal's tokens carry; undefined for SAML. */
function providerOf(federated: string): string | undefined {
  if (/:saml-provider\//.test(federated)) return undefined;
  const oidc = /:oidc-provider\/(.+)$/.exec(federated);
  return oidc ? oidc[1] : federated; // cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** Values of restricting conditions on a claim; `Like` values that match every token are open. */
function claimValues(statement: NormalizedStatement, provider: string, claims: readonly string[]) {
  const key = new RegExp(`^${escapeRegExp(provider)}:(${claims.join("|")})$`, "i");
  const conditions = restrictingConditions(statement, key);
  const patterns = conditions.filter((c) => /Like$/.test(c.operator)).flatMap((c) => c.values);
  return { present: conditions.length > 0, values: conditions.flatMap((c) => c.values), patterns };
}

/** Whether a GitHub subject pattern lets in any owner's repositories, as `repo:*` and `repo:org*` do. */
function unpinnedGithubSubject(pattern: string): boolean {
  const owner = /^repo:([^/]*)/.exec(pattern);
  return owner !== null && (owner[1] === "" || /[*?]/.test(owner[1] ?? "") || !pattern.includes("/"));
}

/** The conditions to add, as JSON a reader can paste, per provider. */
function fixFor(provider: string): string {
  if (provider === github) {
    return `"StringEquals": {"${provider}:aud": "sts.amazonaws.com", "${provider}:sub": "repo:<owner>/<repo>:environment:<env>"} (githubActionsTrust() writes both)`;
  }
  if (provider === "cognito-identity.amazonaws.com") {
    return `"StringEquals": {"${provider}:aud": "<identity pool id>"} and "ForAnyValue:StringLike": {"${provider}:amr": "authenticated"}`;
  }
  const subject = /^oidc\.eks\./.test(provider) ? "system:serviceaccount:<namespace>:<service account>" : "<the workload's subject>";
  return `"StringEquals": {"${provider}:aud": "<client id>", "${provider}:sub": "${subject}"}`;
}

/**
 * A web-identity trust without an audience and a subject lets every token of the provider assume the
 * role: for GitHub, any workflow of any repository on github.com.
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
 */
export const oidcTrustUnrestricted: Rule = {
  code: "OIDC_TRUST_UNRESTRICTED",
  severity: "error",
  trigger:
    "a trust statement allowing sts:AssumeRoleWithWebIdentity to a Federated principal without a StringEquals/StringLike condition on <provider>:aud and on <provider>:sub (Cognito: :amr), or with an audience or subject pattern matching every value (\"*\", a GitHub repo:* that does not pin the owner)",
  kinds: ["trust"],
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      if (grantOf(statement, webIdentity) === undefined || typeof statement.principal !== "object") continue;
      const federated = Object.entries(statement.principal)
        .filter(([type]) => type.toLowerCase() === "federated")
        .flatMap(([, value]) => asList(value));
      for (const principal of federated) {
        const provider = providerOf(principal);
        if (provider === undefined) continue;
        const audience = claimValues(statement, provider, ["aud"]);
        const subject = claimValues(statement, provider, provider === "cognito-identity.amazonaws.com" ? ["sub", "amr"] : ["sub"]);
        const problems: string[] = [];
        if (!audience.present) problems.push(`no ${provider}:aud condition`);
        else if (audience.patterns.some((value) => /^[*?]*$/.test(value))) problems.push(`an audience of "*"`);
        if (!subject.present) problems.push(`no ${provider}:${provider === "cognito-identity.amazonaws.com" ? "amr (or :sub)" : "sub"} condition`);
        else if (subject.patterns.some((value) => /^[*?]*$/.test(value))) problems.push(`a subject of "*"`);
        else if (provider === github && subject.patterns.some(unpinnedGithubSubject)) {
          problems.push(`a subject that does not pin the repository owner (${subject.patterns.filter(unpinnedGithubSubject).join(", ")})`);
        }
        if (problems.length === 0) continue;
        hits.push({
          statement: statement.index,
          action: webIdentity,
          message: `${provider} is trusted with ${problems.join(" and ")}: any token the provider issues${provider === github ? ", from any repository's workflow," : ""} could assume this role; add ${fixFor(provider)}`,
        });
      }
    }
    return hits;
  },
};
