import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import type { AwsScope } from "../aws-scope";
import type { StatementJson } from "../policy-json";
import { defaultQuotas, policyCharacterCount } from "../quotas";
import { renderPolicyJson, toPolicyJson, type ResolvedStatement } from "../render-policy";
import { resolve, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import type { PersonaPolicy, PersonaRole } from "./persona";
import { personas, type PersonaName } from "./persona-registry";
import type { TeamResources } from "./team-resources";

beforeAll(() => setUpPulumiMocks());

/** A large team: a long name, a non-commercial partition, several buckets, roles, repositories and subnets. */
function largeTeam(scope: AwsScope, team: string): TeamResources {
  const { iam, ecr, ec2, kms } = arnBuilders(scope);
  return {
    jobRoles: [iam.role({ name: `${team}-training-job`, path: `/ml/${team}/` }), iam.role({ name: `${team}-inference`, path: `/ml/${team}/` })],
    pipelineRoles: [iam.role({ name: `${team}-pipelines`, path: `/ml/${team}/` })],
    datasetBuckets: [`${team}-datasets-prod`, "company-shared-datasets-prod"],
    artifactBuckets: [`${team}-artifacts-prod`, `${team}-checkpoints-prod`],
    s3KeyPrefix: `${team}/`,
    studioDomainId: "d-abcdefghijkl",
    ecrRepositories: [ecr.repository({ name: `${team}/training` }), ecr.repository({ name: `${team}/inference` })],
    vpc: {
      subnets: ["0a", "0b", "0c"].map((az) => ec2.subnet({ id: `subnet-0123456789abcde${az}` })),
      securityGroups: [ec2.securityGroup({ id: "sg-0123456789abcdef0" })],
    },
    kmsKeys: [kms.key({ id: "1234abcd-12ab-34cd-56ef-1234567890ab" }), kms.key({ id: "mrk-1234abcd12ab34cd56ef1234567890ab" })],
  };
}

const scope: AwsScope = { partition: "aws-us-gov", region: "us-gov-west-1", account: "111122223333" };
const team = "distributed-ml-research";
const names = Object.keys(personas) as PersonaName[];

describe("personas", () => {
  it("registers the personas under the names team definitions use", () => {
    expect(names).toEqual(["data-scientist", "model-builder", "sagemaker-compute", "read-only-ml-user"]);
  });

  it.each<[PersonaName, PersonaRole[]]>([
    ["data-scientist", ["access", "studio"]],
    ["model-builder", ["access", "pipeline"]],
    ["sagemaker-compute", ["job"]],
    ["read-only-ml-user", ["access"]],
  ])("configures, for %s, the roles %j", (name, roles) => {
    const policies = personas[name]({ scope, team }, largeTeam(scope, team));
    expect(Object.keys(policies).sort()).toEqual(roles);
    expect(roles.every((role) => (policies[role]?.length ?? 0) > 0)).toBe(true);
  });

  describe.each(names)("%s, for a large team", (name) => {
    const policies = personas[name]({ scope, team }, largeTeam(scope, team));
    const byRole = Object.entries(policies) as [PersonaRole, PersonaPolicy[]][];
    const all = byRole.flatMap(([role, rolePolicies]) => rolePolicies.map((policy) => [`${role} ${policy.name}`, policy] as const));

    it("attaches distinct policies to each role, well within the 10 managed policies a role may have", () => {
      for (const [, rolePolicies] of byRole) {
        expect(new Set(rolePolicies.map((policy) => policy.name)).size).toBe(rolePolicies.length);
        expect(rolePolicies.length).toBeLessThanOrEqual(defaultQuotas.managedPoliciesPerRole / 2);
      }
      expect(all.length).toBeGreaterThan(0);
    });

    it.each(all)(
      "renders %s with no findings, under the managed policy quota, with unique Sids",
      async (_policyName, policy) => {
        const document = toPolicyJson((await resolve(pulumi.output(policy.statements))) as unknown as ResolvedStatement[]);
        expect(validatePolicy(document, { kind: "identity" })).toEqual([]);
        expect(policyCharacterCount(renderPolicyJson(document))).toBeLessThanOrEqual(defaultQuotas.managedPolicyCharacters);
        const sids = (document.Statement as StatementJson[]).map((statement) => statement.Sid);
        expect(new Set(sids).size).toBe(sids.length);
        expect(renderPolicyJson(document)).not.toContain("arn:aws:");
      },
    );
  });
});
