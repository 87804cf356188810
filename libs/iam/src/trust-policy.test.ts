import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "./arns";
import { scopeFromRegion } from "./aws-scope";
import type { Finding } from "./finding";
import { policyDocument } from "./policy-document";
import type { Statement } from "./statement";
import { resolve, setUpPulumiMocks } from "./testing";
import { accountTrust, githubActionsTrust, serviceTrust, servicePrincipalsWithoutSourceKeys } from "./trust-policy";

beforeAll(() => setUpPulumiMocks());

const account = "123456789012";

/** The trust document as AWS receives it, failing on any validation warning. */
async function render(statement: Statement): Promise<unknown> {
  const warnings: Finding[] = [];
  const json = await resolve(policyDocument([statement], { kind: "trust", onWarning: (finding) => void warnings.push(finding) }));
  expect(warnings).toEqual([]);
  return JSON.parse(json);
}

function document(statement: object): object {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] };
}

describe("serviceTrust", () => {
  it("conditions a service's trust on the source account", async () => {
    expect(await render(serviceTrust({ service: "sagemaker.amazonaws.com", account }))).toEqual(
      document({
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": account } },
      }),
    );
  });

  it("adds ArnLike aws:SourceArn for the given source ARNs, typed or not", async () => {
    const arns = arnBuilders(scopeFromRegion("us-gov-west-1", account));
    const statement = serviceTrust({
      service: ["sagemaker.amazonaws.com"],
      account: pulumi.output(account),
      sourceArn: [arns.sagemaker.trainingJob({ name: "team-a-*" }), `arn:aws-us-gov:sagemaker:us-gov-west-1:${account}:processing-job/team-a-*`],
    });
    expect(await render(statement)).toEqual(
      document({
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          ArnLike: {
            "aws:SourceArn": [
              `arn:aws-us-gov:sagemaker:us-gov-west-1:${account}:processing-job/team-a-*`,
              `arn:aws-us-gov:sagemaker:us-gov-west-1:${account}:training-job/team-a-*`,
            ],
          },
          StringEquals: { "aws:SourceAccount": account },
        },
      }),
    );
  });

  it.each(servicePrincipalsWithoutSourceKeys)("omits the source conditions for %s, which never sets them", async (service) => {
    expect(await render(serviceTrust({ service, account }))).toEqual(
      document({ Principal: { Service: service }, Action: "sts:AssumeRole" }),
    );
  });

  it.each([
    [{ service: "ec2.amazonaws.com", account, sourceArn: "arn:aws:ec2:us-east-1:123456789012:instance/*" }, /^sourceArn cannot be used with ec2\.amazonaws\.com/],
    [{ service: ["ec2.amazonaws.com", "sagemaker.amazonaws.com"], account }, /^service mixes ec2\.amazonaws\.com/],
    [{ service: [], account }, /^service must name at least one/],
    [{ service: "sagemaker", account }, /^service must hold service principals .* got sagemaker$/],
    [{ service: "sagemaker.amazonaws.com", account: "12345" }, /^account must be a 12-digit AWS account id/],
    [{ service: "sagemaker.amazonaws.com", account, sourceArn: [] }, /^sourceArn must not be an empty list/],
  ])("rejects %j naming the field", (args, message) => {
    expect(() => serviceTrust(args)).toThrow(message);
  });
});

describe("accountTrust", () => {
  it("trusts the account root in the scope's partition and requires MFA by default", async () => {
    expect(await render(accountTrust(scopeFromRegion("cn-north-1", account)))).toEqual(
      document({
        Principal: { AWS: `arn:aws-cn:iam::${account}:root` },
        Action: "sts:AssumeRole",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      }),
    );
  });

  it("drops the MFA condition when requireMfa is false", async () => {
    expect(await render(accountTrust({ partition: "aws", account: pulumi.output(account), requireMfa: false }))).toEqual(
      document({ Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }),
    );
  });

  it("rejects an account that is not 12 digits, naming the field", () => {
    expect(() => accountTrust({ partition: "aws", account: "my-account" })).toThrow(/^account must be a 12-digit AWS account id/);
  });
});

describe("githubActionsTrust", () => {
  const providerArn = `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;

  it("matches exact subjects with StringEquals, next to the audience", async () => {
    const arns = arnBuilders(scopeFromRegion("us-east-1", account));
    const statement = githubActionsTrust({
      providerArn: arns.iam.oidcProvider({ url: "https://token.actions.githubusercontent.com" }),
      subjects: ["repo:org/repo:environment:central-ai-prod", "repo:org/repo:ref:refs/heads/main"],
    });
    expect(await render(statement)).toEqual(
      document({
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": ["repo:org/repo:environment:central-ai-prod", "repo:org/repo:ref:refs/heads/main"],
          },
        },
      }),
    );
  });

  it("matches subjects with StringLike when one has a wildcard", async () => {
    const statement = githubActionsTrust({
      providerArn: pulumi.output(providerArn),
      subjects: ["repo:org/repo:environment:central-ai-prod", "repo:org/models-*:ref:refs/heads/main"],
      audience: "sigstore",
    });
    expect(await render(statement)).toEqual(
      document({
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "token.actions.githubusercontent.com:aud": "sigstore" },
          StringLike: {
            "token.actions.githubusercontent.com:sub": ["repo:org/models-*:ref:refs/heads/main", "repo:org/repo:environment:central-ai-prod"],
          },
        },
      }),
    );
  });

  it.each([
    [[], /^subjects must list at least one sub claim/],
    [["*"], /^subjects: "\*" matches every repository/],
    [["repo:*"], /^subjects: "repo:\*" does not pin the repository owner/],
    [["repo:org/repo:ref:refs/heads/main", "repo:*/repo:*"], /^subjects: "repo:\*\/repo:\*" does not pin the repository owner/],
    [["repo:org*"], /^subjects: "repo:org\*" does not pin the repository owner/],
    [[""], /^subjects: "" matches every repository/],
  ])("rejects the subjects %j, naming the field", (subjects, message) => {
    expect(() => githubActionsTrust({ providerArn, subjects })).toThrow(message);
  });

  it("rejects an empty audience, naming the field", () => {
    expect(() => githubActionsTrust({ providerArn, subjects: ["repo:org/repo:*"], audience: "" })).toThrow(/^audience must not be empty/);
  });
});
