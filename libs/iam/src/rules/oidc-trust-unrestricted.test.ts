import type { ConditionJson, PolicyKind, StatementJson } from "../policy-json";
import { validatePolicy } from "../validate-policy";
import { oidcTrustUnrestricted } from "./oidc-trust-unrestricted";

const github = "token.actions.githubusercontent.com";
const githubProvider = `arn:aws:iam::111122223333:oidc-provider/${github}`;
const eks = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const trust = (condition?: ConditionJson, federated = githubProvider): StatementJson => ({
  Effect: "Allow",
  Principal: { Federated: federated },
  Action: "sts:AssumeRoleWithWebIdentity",
  ...(condition ? { Condition: condition } : {}),
});
const findings = (statement: StatementJson, kind: PolicyKind = "trust") =>
  validatePolicy({ Version: "2012-10-17", Statement: [statement] }, { kind, rules: [oidcTrustUnrestricted] });
const audience = { [`${github}:aud`]: "sts.amazonaws.com" };

describe("OIDC_TRUST_UNRESTRICTED", () => {
  it.each<[string, StatementJson, RegExp]>([
    ["no conditions", trust(), /with no token.actions.githubusercontent.com:aud condition and no token.actions.githubusercontent.com:sub condition/],
    ["an audience without a subject", trust({ StringEquals: audience }), /with no token.actions.githubusercontent.com:sub condition:/],
    ["a subject without an audience", trust({ StringEquals: { [`${github}:sub`]: "repo:org/repo:ref:refs/heads/main" } }), /with no token.actions.githubusercontent.com:aud condition:/],
    ["a subject of *", trust({ StringEquals: audience, StringLike: { [`${github}:sub`]: "*" } }), /with a subject of "\*":/],
    ["one subject of * among others", trust({ StringEquals: audience, StringLike: { [`${github}:sub`]: ["repo:org/repo:*", "*"] } }), /with a subject of "\*":/],
    ["a subject that does not pin the owner", trust({ StringEquals: audience, StringLike: { [`${github}:sub`]: "repo:*" } }), /does not pin the repository owner \(repo:\*\)/],
    ["a subject only under a negated operator", trust({ StringEquals: audience, StringNotLike: { [`${github}:sub`]: "repo:evil/*" } }), /no token.actions.githubusercontent.com:sub condition/],
    ["an audience of *", trust({ StringLike: { [`${github}:aud`]: "*", [`${github}:sub`]: "repo:org/repo:*" } }), /with an audience of "\*":/],
    ["an EKS provider without a subject", trust({ StringEquals: { [`${eks}:aud`]: "sts.amazonaws.com" } }, `arn:aws:iam::111122223333:oidc-provider/${eks}`), new RegExp(`system:serviceaccount`)],
    ["sts:* to a federated principal", { ...trust(), Action: "sts:*" }, /no token.actions.githubusercontent.com:aud/],
  ])("fires on %s", (_case, statement, message) => {
    const found = findings(statement);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "OIDC_TRUST_UNRESTRICTED", severity: "error", statement: 0, action: "sts:AssumeRoleWithWebIdentity" });
    expect(found[0]?.message).toMatch(message);
  });

  it.each<[string, StatementJson]>([
    ["an audience and an exact subject", trust({ StringEquals: { ...audience, [`${github}:sub`]: "repo:org/repo:environment:prod" } })],
    ["an audience and a subject pattern pinned to an owner", trust({ StringEquals: audience, StringLike: { [`${github}:sub`]: "repo:org/repo:ref:refs/heads/*" } })],
    ["keys in another case", trust({ StringEquals: { [`${github}:AUD`]: "sts.amazonaws.com", [`${github}:Sub`]: "repo:org/repo:environment:prod" } })],
    ["an EKS service account", trust({ StringEquals: { [`${eks}:aud`]: "sts.amazonaws.com", [`${eks}:sub`]: "system:serviceaccount:ml:trainer" } }, `arn:aws:iam::111122223333:oidc-provider/${eks}`)],
    [
      "a Cognito identity pool with authenticated users",
      trust({ StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-1234-1234-1234-123456789012" }, "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } }, "cognito-identity.amazonaws.com"),
    ],
    ["a SAML provider", { Effect: "Allow", Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/corp" }, Action: "sts:AssumeRoleWithSAML" }],
    ["a service principal", { Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }],
    ["a Deny", { ...trust(), Effect: "Deny" }],
  ])("does not fire on %s", (_case, statement) => {
    expect(findings(statement)).toEqual([]);
  });

  it("applies to trust policies only", () => {
    expect(findings(trust(), "identity")).toEqual([]);
  });

  it("names the fix for GitHub Actions", () => {
    expect(findings(trust({ StringEquals: audience }))[0]?.message).toBe(
      `${github} is trusted with no ${github}:sub condition: any token the provider issues, from any repository's workflow, could assume this role; add "StringEquals": {"${github}:aud": "sts.amazonaws.com", "${github}:sub": "repo:<owner>/<repo>:environment:<env>"} (githubActionsTrust() writes both)`,
    );
  });
});
