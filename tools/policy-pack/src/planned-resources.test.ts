import type { StatementJson } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { planWorkspace, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { boundaryOnTeamRoles } from "./boundary-on-team-roles";
import { policyDocumentsPassRules } from "./policy-documents-pass-rules";
import { parseUrn, type PolicyResource } from "./policy-resource";
import { teamPath } from "./team-path";

// The resources Pulumi would hand the pack, from the offline plans of the real stacks: every one complies,
// and one edit of the kind a team could make produces exactly the violation expected.

const validators = {
  "boundary-on-team-roles": (resource: PolicyResource) => boundaryOnTeamRoles(resource),
  "policy-documents-pass-rules": (resource: PolicyResource) => policyDocumentsPassRules(resource),
  "team-path": teamPath,
};
type PolicyName = keyof typeof validators;

const violationsOf = (resource: PolicyResource) =>
  Object.fromEntries(Object.entries(validators).map(([name, validate]) => [name, validate(resource)])) as Record<PolicyName, string[]>;

let plans: PlanFile[];
beforeAll(async () => {
  plans = await planWorkspace("dev");
}, workspacePlanTimeout);

const everyResource = (): PolicyResource[] =>
  plans.flatMap((plan) => plan.steps.map(({ newState }) => ({ type: newState.type, props: newState.inputs, urn: newState.urn })));

/** A copy of a planned resource, found by its stack, type and the name the stack gave it. */
function planned(stack: string, type: string, name: string): PolicyResource {
  const resource = everyResource().find((candidate) => candidate.type === type && parseUrn(candidate.urn).project === stack && parseUrn(candidate.urn).name === name);
  if (!resource) throw new Error(`no ${type} ${name} in the ${stack} plan`);
  return structuredClone(resource);
}

/** The resource with its document (in `input`) edited. */
function withDocument(resource: PolicyResource, input: string, edit: (statements: StatementJson[]) => void): PolicyResource {
  const document = JSON.parse(String(resource.props[input])) as { Statement: StatementJson[] };
  edit(document.Statement);
  return { ...resource, props: { ...resource.props, [input]: JSON.stringify(document) } };
}

describe("the policy pack's validators over the offline plans", () => {
  it("find no violation in any planned resource of the four stacks", () => {
    expect(plans.map((plan) => plan.stack)).toEqual(expect.arrayContaining(["central-ai", "data-scientists", "distributed-ml", "model-builders"]));
    const violations = everyResource().flatMap((resource) =>
      Object.entries(violationsOf(resource)).flatMap(([name, messages]) => messages.map((message) => `${name}: ${message}`)),
    );
    expect(violations).toEqual([]);
  });

  it("check the team roles, documents and paths the plans have, not nothing", () => {
    const resources = everyResource();
    const teamRoles = resources.filter((resource) => resource.type === "aws:iam/role:Role" && parseUrn(resource.urn).project !== "central-ai");
    expect(teamRoles.length).toBeGreaterThanOrEqual(6);
    expect(teamRoles.every((role) => typeof role.props.permissionsBoundary === "string")).toBe(true);
    const types = new Set(resources.map((resource) => resource.type));
    for (const type of ["aws:iam/policy:Policy", "aws:iam/role:Role", "aws:iam/groupPolicy:GroupPolicy", "aws:iam/group:Group", "aws:iam/instanceProfile:InstanceProfile"]) {
      expect(types).toContain(type);
    }
  });

  it.each<[string, () => PolicyResource, Partial<Record<PolicyName, (string | RegExp)[]>>]>([
    [
      "a team role without a boundary",
      () => {
        const role = planned("data-scientists", "aws:iam/role:Role", "access");
        delete role.props.permissionsBoundary;
        return role;
      },
      {
        "boundary-on-team-roles": [
          "Role access of the data-scientists stack has no permissionsBoundary: every team role must carry the central boundary arn:<partition>:iam::<account>:policy/ml/central-ai/central-ai-team-boundary",
        ],
      },
    ],
    [
      "a team role with a boundary of its own",
      () => {
        const role = planned("model-builders", "aws:iam/role:Role", "job");
        role.props.permissionsBoundary = "arn:aws:iam::111111111111:policy/ml/model-builders/model-builders-boundary";
        return role;
      },
      {
        "boundary-on-team-roles": [
          "Role job of the model-builders stack has permissionsBoundary arn:aws:iam::111111111111:policy/ml/model-builders/model-builders-boundary, not the central boundary arn:<partition>:iam::<account>:policy/ml/central-ai/central-ai-team-boundary",
        ],
      },
    ],
    [
      "a policy with s3:ListBucket on objects",
      () =>
        withDocument(planned("data-scientists", "aws:iam/policy:Policy", "studio-and-data"), "policy", (statements) =>
          statements.push({ Sid: "ListObjects", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::data-scientists-datasets-dev/*" }),
        ),
      {
        "policy-documents-pass-rules": [
          /^Policy studio-and-data \(identity policy\), Sid ListObjects: error RESOURCE_MISMATCH statement \d+ \(s3:ListBucket on arn:aws:s3:::data-scientists-datasets-dev\/\*\): s3:ListBucket applies to /,
        ],
      },
    ],
    [
      "a GitHub OIDC trust without a subject",
      () =>
        withDocument(planned("distributed-ml", "aws:iam/role:Role", "instance"), "assumeRolePolicy", (statements) =>
          statements.push({
            Effect: "Allow",
            Principal: { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
            Action: "sts:AssumeRoleWithWebIdentity",
          }),
        ),
      { "policy-documents-pass-rules": [/^Role instance trust policy \(trust policy\): error OIDC_TRUST_UNRESTRICTED statement \d+ /] },
    ],
    [
      "a group's inline policy with a misspelt action",
      () =>
        withDocument(planned("model-builders", "aws:iam/groupPolicy:GroupPolicy", "assume-roles"), "policy", (statements) => {
          statements[0]!.Action = "sts:AssumeRoles";
        }),
      { "policy-documents-pass-rules": [/^GroupPolicy assume-roles \(inline policy\): error UNKNOWN_ACTION statement 0 \(sts:AssumeRoles/] },
    ],
    [
      "a role's inline policy that passes any role",
      () => {
        const role = planned("data-scientists", "aws:iam/role:Role", "job");
        const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "PassAny", Effect: "Allow", Action: "iam:PassRole", Resource: "*" }] });
        return { ...role, props: { ...role.props, inlinePolicies: [{ name: "pass", policy }] } };
      },
      {
        "policy-documents-pass-rules": [
          /^Role job inline policy pass \(inline policy\), Sid PassAny: error PASS_ROLE_UNRESTRICTED statement 0 \(iam:PassRole on \*\): /,
        ],
      },
    ],
    [
      "a permission set inline policy that is not JSON",
      () => ({
        type: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
        urn: "urn:pulumi:dev::model-builders::aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy::inline",
        props: { instanceArn: "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6", permissionSetArn: "arn:aws:sso:::permissionSet/x", inlinePolicy: "{not json" },
      }),
      { "policy-documents-pass-rules": [/^PermissionSetInlinePolicy inline \(inline policy\): error INVALID_DOCUMENT document: /] },
    ],
    [
      "the central boundary's document as a team's identity policy",
      () => {
        const boundary = planned("central-ai", "aws:iam/policy:Policy", "team-boundary");
        return { ...boundary, urn: boundary.urn.replace("::central-ai::", "::data-scientists::"), props: { ...boundary.props, name: "data-scientists-boundary", path: "/ml/data-scientists/" } };
      },
      { "policy-documents-pass-rules": [/^Policy team-boundary \(identity policy\), Sid \w+: error PASS_ROLE_UNRESTRICTED statement \d+ /] },
    ],
    [
      "a data-scientists policy at path /",
      () => {
        const policy = planned("data-scientists", "aws:iam/policy:Policy", "ml-jobs");
        policy.props.path = "/";
        return policy;
      },
      { "team-path": ['Policy ml-jobs of the data-scientists stack is at path "/": the IAM resources of a team stack belong under the team\'s path /ml/data-scientists/'] },
    ],
    [
      "a data-scientists policy without a path, which IAM puts at /",
      () => {
        const policy = planned("data-scientists", "aws:iam/policy:Policy", "ml-jobs");
        delete policy.props.path;
        return policy;
      },
      { "team-path": [/^Policy ml-jobs of the data-scientists stack is at path "\/": /] },
    ],
    [
      "a role in /ml/model-builders/ from the data-scientists stack",
      () => {
        const role = planned("data-scientists", "aws:iam/role:Role", "access");
        role.props.path = "/ml/model-builders/";
        return role;
      },
      { "team-path": ['Role access of the data-scientists stack is at path "/ml/model-builders/": the IAM resources of a team stack belong under the team\'s path /ml/data-scientists/'] },
    ],
    [
      "a team path prefix that is another team's (/ml/data-scientists-x/)",
      () => ({ ...planned("data-scientists", "aws:iam/group:Group", "group"), props: { name: "x", path: "/ml/data-scientists-x/" } }),
      { "team-path": [/^Group group of the data-scientists stack is at path "\/ml\/data-scientists-x\/"/] },
    ],
  ])("report %s", (_, build, expected) => {
    const violations = violationsOf(build());
    for (const name of Object.keys(validators) as PolicyName[]) {
      expect([name, violations[name]]).toEqual([name, (expected[name] ?? []).map((message) => (typeof message === "string" ? message : expect.stringMatching(message)))]);
    }
  });

  it.each<[string, () => PolicyResource]>([
    [
      "a team role declared outside a component, under a path below the team's",
      () => {
        const role = planned("data-scientists", "aws:iam/role:Role", "access");
        return { ...role, urn: "urn:pulumi:dev::data-scientists::aws:iam/role:Role::access", props: { ...role.props, path: "/ml/data-scientists/people/" } };
      },
    ],
    [
      "a team policy under a sub-path of the team's path",
      () => {
        const policy = planned("distributed-ml", "aws:iam/policy:Policy", "datasets");
        policy.props.path = "/ml/distributed-ml/training/";
        return policy;
      },
    ],
    [
      "a central-ai role without a boundary (the platform's stack is exempt)",
      () => {
        const role = planned("central-ai", "aws:iam/role:Role", "access");
        delete role.props.permissionsBoundary;
        role.props.path = "/ml-platform/";
        return role;
      },
    ],
    [
      "a team role whose boundary is the central one in another partition and account",
      () => {
        const role = planned("data-scientists", "aws:iam/role:Role", "access");
        role.props.permissionsBoundary = "arn:aws-us-gov:iam::222222222222:policy/ml/central-ai/central-ai-team-boundary";
        return role;
      },
    ],
    ["a role policy attachment, which has no path or document", () => structuredClone(everyResource().find((resource) => resource.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment")!)],
  ])("accept %s", (_, build) => {
    expect(violationsOf(build())).toEqual({ "boundary-on-team-roles": [], "policy-documents-pass-rules": [], "team-path": [] });
  });
});
