import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { defaultBoundaryArnPattern, type BoundaryConfig } from "./central-boundary";
import { policies } from "./policies";
import type { PolicyResource } from "./policy-resource";

/** Runs a policy of the pack as Pulumi would on one resource, with the policy's config; returns what it reported. */
function reported(policyName: string, resource: PolicyResource, config: BoundaryConfig = {}): string[] {
  const policy = policies.find((candidate) => candidate.name === policyName)!;
  const messages: string[] = [];
  const args = { ...resource, name: resource.urn.split("::").pop()!, getConfig: () => config } as unknown as ResourceValidationArgs;
  const report: ReportViolation = (message) => void messages.push(message);
  void (policy.validateResource as ResourceValidation)(args, report);
  return messages;
}

const teamRole = (permissionsBoundary?: string): PolicyResource => ({
  type: "aws:iam/role:Role",
  urn: "urn:pulumi:prod::model-builders::ml-iam:team-stack:TeamRole$aws:iam/role:Role::access",
  props: {
    path: "/ml/model-builders/",
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "sts:AssumeRole" }] }),
    ...(permissionsBoundary ? { permissionsBoundary } : {}),
  },
});

describe("the pack's policies", () => {
  it("are the three validators, each mandatory", () => {
    expect(policies.map((policy) => [policy.name, policy.enforcementLevel])).toEqual([
      ["boundary-on-team-roles", "mandatory"],
      ["policy-documents-pass-rules", "mandatory"],
      ["team-path", "mandatory"],
    ]);
  });

  it("report each message of their validator as a violation", () => {
    expect(reported("boundary-on-team-roles", teamRole())).toEqual([
      `Role access of the model-builders stack has no permissionsBoundary: every team role must carry the central boundary ${defaultBoundaryArnPattern}`,
    ]);
    expect(reported("team-path", { ...teamRole(), props: { path: "/" } })).toEqual([
      `Role access of the model-builders stack is at path "/": the IAM resources of a team stack belong under the team's path /ml/model-builders/`,
    ]);
    expect(reported("policy-documents-pass-rules", { ...teamRole(), props: { assumeRolePolicy: "[]" } })).toEqual([
      expect.stringMatching(/^Role access trust policy \(trust policy\): error INVALID_DOCUMENT document: /),
    ]);
    expect(policies.map((policy) => reported(policy.name, teamRole("arn:aws:iam::222222222222:policy/ml/central-ai/central-ai-team-boundary")))).toEqual([[], [], []]);
  });

  it("take the boundary from the pack's config, for roles and for the kind of the boundary's own document", () => {
    const config = { boundaryArnPattern: "arn:aws:iam::222222222222:policy/platform/boundary" };
    expect(reported("boundary-on-team-roles", teamRole("arn:aws:iam::222222222222:policy/platform/boundary"), config)).toEqual([]);
    expect(reported("boundary-on-team-roles", teamRole("arn:aws:iam::222222222222:policy/ml/central-ai/central-ai-team-boundary"), config)).toEqual([
      expect.stringContaining("not the central boundary arn:aws:iam::222222222222:policy/platform/boundary"),
    ]);
    // A boundary allows broadly what team policies may grant; as an identity policy it would be refused.
    const boundaryPolicy: PolicyResource = {
      type: "aws:iam/policy:Policy",
      urn: "urn:pulumi:prod::central-ai::aws:iam/policy:Policy::boundary",
      props: { name: "boundary", path: "/platform/", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }] }) },
    };
    expect(reported("policy-documents-pass-rules", boundaryPolicy, config)).toEqual([]);
    expect(reported("policy-documents-pass-rules", boundaryPolicy)).toEqual([expect.stringContaining("(identity policy): error PASS_ROLE_UNRESTRICTED")]);
  });

  it("declare the boundary pattern in the config schema of the policies that use it", () => {
    const schemas = Object.fromEntries(policies.map((policy) => [policy.name, policy.configSchema?.properties.boundaryArnPattern]));
    expect(schemas).toEqual({
      "boundary-on-team-roles": expect.objectContaining({ type: "string", default: defaultBoundaryArnPattern }),
      "policy-documents-pass-rules": expect.objectContaining({ type: "string", default: defaultBoundaryArnPattern }),
      "team-path": undefined,
    });
  });
});
