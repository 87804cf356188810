import { planPrincipals, simulate, type PlanPrincipal, type SimulationDecision } from "@ml-iam/analysis";
import { planStack, type PlanFile, type PlannedResource } from "@ml-iam/plan";
import { documentOf, planWorkspace, workspacePlanTimeout, resourcesOfType } from "@ml-iam/plan/src/testing";
import { expandActionPattern, policyCharacterCount } from "@ml-iam/iam";
import { readTeamsRegistry } from "@ml-iam/team-stack";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The guarantees of the delivery roles, proven with the simulation engine over the dev plans: each team's
// deploy role can create every resource of its own plan, and nothing that would let it escape its path.

interface Request {
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
}

const account = "111111111111";
const iamArn = (resource: string) => `arn:aws:iam::${account}:${resource}`;
const boundaryArn = iamArn("policy/ml/central-ai/central-ai-team-boundary");
const administratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";

let plans: PlanFile[];
let principals: PlanPrincipal[];
beforeAll(async () => {
  plans = await planWorkspace("dev");
  principals = planPrincipals(plans);
}, workspacePlanTimeout);

const planOf = (stack: string) => plans.find((plan) => plan.stack === stack)!;
const central = () => planOf("central-ai");
const deliveryRole = (team: string, purpose: "deploy" | "preview") =>
  principals.find((principal) => principal.stack === "central-ai" && principal.name === `${team}-${purpose}`)!;
const stateBucket = () => String(central().config["central-ai:stateBucket"]);

/** How IAM decides a request of the role, with the keys AWS sets on every request: who it is, and its tags, which the boundary reads. */
function decide(role: PlanPrincipal, request: Request): SimulationDecision {
  const tags = resourcesOfType(central(), "aws:iam/role:Role").find((resource) => resource.inputs.name === role.name)!.inputs.tags as Record<string, string>;
  const principalContext = {
    "aws:PrincipalArn": role.arn,
    "aws:PrincipalAccount": account,
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])),
  };
  return simulate(
    { ...request, context: { ...principalContext, ...request.context } },
    { identity: role.policies.map((policy) => policy.document!), boundary: role.boundary?.document },
  ).decision;
}

/** The tags a resource is created with (the stack's default tags and its own) as IAM's request context. */
function tagContext(plan: PlanFile, resource: PlannedResource): Record<string, string | string[]> {
  const defaults = (plan.config["aws:defaultTags"] as { tags: Record<string, string> }).tags;
  const tags = { ...defaults, ...((resource.inputs.tags as Record<string, string> | undefined) ?? {}) };
  return { ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])), "aws:TagKeys": Object.keys(tags) };
}

/** The requests `pulumi up` sends to create one planned resource, on the ARNs the plan assigns. */
function createRequests(plan: PlanFile, resource: PlannedResource): Request[] {
  const { inputs, outputs } = resource;
  const tags = tagContext(plan, resource);
  const roleArn = (name: unknown) => String(resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.outputs.name === name)!.outputs.arn);
  const groupArn = (name: unknown) => String(resourcesOfType(plan, "aws:iam/group:Group").find((group) => group.outputs.name === name)!.outputs.arn);
  switch (resource.type) {
    case "aws:iam/policy:Policy":
      return [
        { action: "iam:CreatePolicy", resource: String(outputs.arn), context: tags },
        { action: "iam:TagPolicy", resource: String(outputs.arn), context: tags },
      ];
    case "aws:iam/role:Role": {
      const boundary: Record<string, string> = inputs.permissionsBoundary ? { "iam:PermissionsBoundary": String(inputs.permissionsBoundary) } : {};
      return [
        { action: "iam:CreateRole", resource: String(outputs.arn), context: { ...tags, ...boundary } },
        { action: "iam:TagRole", resource: String(outputs.arn), context: tags },
      ];
    }
    case "aws:iam/user:User":
      return [
        { action: "iam:CreateUser", resource: String(outputs.arn), context: { ...tags, "iam:PermissionsBoundary": String(inputs.permissionsBoundary) } },
        { action: "iam:TagUser", resource: String(outputs.arn), context: tags },
      ];
    case "aws:iam/userLoginProfile:UserLoginProfile": {
      const user = resourcesOfType(plan, "aws:iam/user:User").find((candidate) => candidate.outputs.name === inputs.user)!;
      return [{ action: "iam:CreateLoginProfile", resource: String(user.outputs.arn) }];
    }
    case "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
      return [{ action: "iam:AttachRolePolicy", resource: roleArn(inputs.role), context: { "iam:PolicyARN": String(inputs.policyArn) } }];
    case "aws:iam/group:Group":
      return [{ action: "iam:CreateGroup", resource: String(outputs.arn) }];
    case "aws:iam/groupPolicy:GroupPolicy":
      return [{ action: "iam:PutGroupPolicy", resource: groupArn(inputs.group) }];
    case "aws:iam/groupMembership:GroupMembership":
      return [{ action: "iam:AddUserToGroup", resource: groupArn(inputs.group) }];
    case "aws:iam/instanceProfile:InstanceProfile": {
      const profile = iamArn(`instance-profile${String(inputs.path)}${String(inputs.name)}`);
      return [
        { action: "iam:CreateInstanceProfile", resource: profile, context: tags },
        { action: "iam:TagInstanceProfile", resource: profile, context: tags },
        { action: "iam:AddRoleToInstanceProfile", resource: profile },
        // Adding a role to an instance profile is a PassRole to EC2.
        { action: "iam:PassRole", resource: roleArn(inputs.role), context: { "iam:PassedToService": "ec2.amazonaws.com" } },
      ];
    }
    case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
      return [
        { action: "iam:CreateOpenIDConnectProvider", resource: String(outputs.arn), context: tags },
        { action: "iam:TagOpenIDConnectProvider", resource: String(outputs.arn), context: tags },
      ];
    case "aws:sagemaker/userProfile:UserProfile": {
      const profile = `arn:aws:sagemaker:us-east-1:${account}:user-profile/${String(inputs.domainId)}/${String(inputs.userProfileName)}`;
      return [
        { action: "sagemaker:CreateUserProfile", resource: profile, context: tags },
        { action: "sagemaker:AddTags", resource: profile, context: { ...tags, "sagemaker:TaggingAction": "CreateUserProfile" } },
        // A profile's execution role is passed to SageMaker as the profile is created.
        { action: "iam:PassRole", resource: String((inputs.userSettings as { executionRole: string }).executionRole), context: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      ];
    }
    default:
      throw new Error(`no create requests for ${resource.type}: add them to createRequests`);
  }
}

/** Every request of a stack's `up` from scratch: its custom resources, and its state in the S3 backend. */
function upRequests(stack: string): Request[] {
  const plan = planOf(stack);
  const state = (key: string) => `arn:aws:s3:::${stateBucket()}/.pulumi/${key}`;
  return [
    ...plan.steps.map((step) => step.newState).filter((resource) => resource.custom).flatMap((resource) => createRequests(plan, resource)),
    { action: "s3:ListBucket", resource: `arn:aws:s3:::${stateBucket()}` },
    { action: "s3:GetObject", resource: state("meta.yaml") },
    { action: "s3:PutObject", resource: state(`locks/${stack}/dev/0f9c2f6e.json`) },
    { action: "s3:PutObject", resource: state(`stacks/${stack}/dev.json`) },
    { action: "s3:PutObject", resource: state(`history/${stack}/dev/dev-1700000000.history.json`) },
    { action: "s3:DeleteObject", resource: state(`locks/${stack}/dev/0f9c2f6e.json`) },
    ...(stack === "central-ai" ? [] : [{ action: "s3:GetObject", resource: state("stacks/central-ai/dev.json") }]),
  ];
}

const describeRequest = ({ action, resource, context }: Request) => `${action} on ${resource}${context ? ` ${JSON.stringify(context)}` : ""}`;
const teamStacks = () => readTeamsRegistry().teams.filter((team) => team.envs.includes("dev")).map((team) => team.stack);

describe("the data-scientists deploy role", () => {
  const deploy = () => deliveryRole("data-scientists", "deploy");
  const own = (resource: string) => iamArn(`${resource.split("/")[0]}/ml/data-scientists/${resource.split("/").slice(1).join("/")}`);
  const expectDenied = (request: Request) => expect([describeRequest(request), decide(deploy(), request)]).not.toEqual([describeRequest(request), "Allowed"]);

  it("is assumable only from the GitHub environment data-scientists-dev", () => {
    const role = resourcesOfType(central(), "aws:iam/role:Role").find((resource) => resource.inputs.name === "data-scientists-deploy")!;
    expect(documentOf(role, "assumeRolePolicy").Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: iamArn("oidc-provider/token.actions.githubusercontent.com") },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": "repo:example-org/ml-iam-platform:environment:data-scientists-dev",
          },
        },
      },
    ]);
  });

  it("lives outside /ml/, tagged for its team, and carries the central boundary", () => {
    expect(deploy().arn).toBe(iamArn("role/ml-platform/deploy/data-scientists-deploy"));
    expect(deploy().boundary?.arn).toBe(boundaryArn);
    const role = resourcesOfType(central(), "aws:iam/role:Role").find((resource) => resource.inputs.name === "data-scientists-deploy")!;
    expect(role.inputs.tags).toEqual({ team: "data-scientists" });
  });

  it("cannot create a role without the central boundary, or with another one", () => {
    const tags = { "aws:RequestTag/team": "data-scientists", "aws:TagKeys": ["team"] };
    expectDenied({ action: "iam:CreateRole", resource: own("role/escape"), context: tags });
    expectDenied({ action: "iam:CreateRole", resource: own("role/escape"), context: { ...tags, "iam:PermissionsBoundary": administratorAccess } });
    expectDenied({ action: "iam:CreateRole", resource: own("role/escape"), context: { ...tags, "iam:PermissionsBoundary": own("policy/own-boundary") } });
  });

  it("cannot create or tag a role for another team, which the boundary would let write under that team's path", () => {
    const otherTeam = { "aws:RequestTag/team": "model-builders", "aws:TagKeys": ["team"] };
    expectDenied({ action: "iam:CreateRole", resource: own("role/escape"), context: { ...otherTeam, "iam:PermissionsBoundary": boundaryArn } });
    expectDenied({ action: "iam:TagRole", resource: own("role/data-scientists-access"), context: otherTeam });
    expectDenied({ action: "iam:UntagRole", resource: own("role/data-scientists-access"), context: { "aws:TagKeys": ["team"] } });
  });

  it("cannot remove or replace a boundary", () => {
    expectDenied({ action: "iam:DeleteRolePermissionsBoundary", resource: own("role/data-scientists-access") });
    expectDenied({ action: "iam:PutRolePermissionsBoundary", resource: own("role/data-scientists-access"), context: { "iam:PermissionsBoundary": administratorAccess } });
    expectDenied({ action: "iam:DeleteRolePermissionsBoundary", resource: deploy().arn });
  });

  it("cannot attach AdministratorAccess or another team's policy", () => {
    expectDenied({ action: "iam:AttachRolePolicy", resource: own("role/data-scientists-access"), context: { "iam:PolicyARN": administratorAccess } });
    expectDenied({ action: "iam:AttachGroupPolicy", resource: own("group/data-scientists-users"), context: { "iam:PolicyARN": administratorAccess } });
    expectDenied({
      action: "iam:AttachRolePolicy",
      resource: own("role/data-scientists-access"),
      context: { "iam:PolicyARN": iamArn("policy/ml/model-builders/model-builders-training") },
    });
  });

  it("cannot modify a model-builders role or the boundary policy", () => {
    expectDenied({ action: "iam:PutRolePolicy", resource: iamArn("role/ml/model-builders/model-builders-access") });
    expectDenied({ action: "iam:UpdateAssumeRolePolicy", resource: iamArn("role/ml/model-builders/model-builders-training-execution") });
    expectDenied({ action: "iam:CreatePolicyVersion", resource: boundaryArn });
    expectDenied({ action: "iam:DeletePolicy", resource: boundaryArn });
  });

  it("cannot assume another team's roles, nor pass them", () => {
    expectDenied({ action: "sts:AssumeRole", resource: iamArn("role/ml/model-builders/model-builders-access") });
    expectDenied({ action: "sts:AssumeRole", resource: own("role/data-scientists-access") });
    expectDenied({
      action: "iam:PassRole",
      resource: iamArn("role/ml/model-builders/model-builders-training-execution"),
      context: { "iam:PassedToService": "sagemaker.amazonaws.com" },
    });
    expectDenied({ action: "iam:PassRole", resource: own("role/data-scientists-execution"), context: { "iam:PassedToService": "lambda.amazonaws.com" } });
  });

  it("cannot touch the deploy and preview roles or their policies, its own included", () => {
    for (const role of [deploy(), deliveryRole("data-scientists", "preview"), deliveryRole("model-builders", "deploy")]) {
      expectDenied({ action: "iam:UpdateAssumeRolePolicy", resource: role.arn });
      expectDenied({ action: "iam:PutRolePolicy", resource: role.arn });
      expectDenied({ action: "iam:AttachRolePolicy", resource: role.arn, context: { "iam:PolicyARN": own("policy/data-scientists-ml-jobs") } });
      expectDenied({ action: "iam:TagRole", resource: role.arn, context: { "aws:RequestTag/team": "central-ai", "aws:TagKeys": ["team"] } });
    }
    for (const policy of deploy().policies) expectDenied({ action: "iam:CreatePolicyVersion", resource: policy.arn! });
  });

  it("cannot write another stack's state, or its own in another env", () => {
    const state = (key: string) => `arn:aws:s3:::${stateBucket()}/.pulumi/${key}`;
    expectDenied({ action: "s3:PutObject", resource: state("stacks/central-ai/dev.json") });
    expectDenied({ action: "s3:PutObject", resource: state("stacks/data-scientists/prod.json") });
    expectDenied({ action: "s3:GetObject", resource: state("stacks/model-builders/dev.json") });
  });

  it("can do everything its own up needs, within the boundary", () => {
    const requests = upRequests("data-scientists");
    expect(requests.length).toBeGreaterThan(20);
    const refused = requests.filter((request) => decide(deploy(), request) !== "Allowed").map(describeRequest);
    expect(refused).toEqual([]);
  });
});

describe("every deploy role", () => {
  it.each(["data-scientists", "distributed-ml", "model-builders", "central-ai"])("lets %s deploy every resource of its dev plan", (team) => {
    const refused = upRequests(team).filter((request) => decide(deliveryRole(team, "deploy"), request) !== "Allowed").map(describeRequest);
    expect(refused).toEqual([]);
  });

  it("exists for every team stack of the registry with the env, and only those", () => {
    const outputs = central().outputs as { deployRoleArns: Record<string, string>; previewRoleArns: Record<string, string> };
    expect(Object.keys(outputs.deployRoleArns).sort()).toEqual(teamStacks().sort());
    expect(Object.keys(outputs.previewRoleArns).sort()).toEqual(teamStacks().sort());
    for (const [team, arn] of Object.entries(outputs.deployRoleArns)) expect(arn).toBe(iamArn(`role/ml-platform/deploy/${team}-deploy`));
  });

  it("carries the central boundary on every team's, central-ai's excepted: it edits the boundary", () => {
    const bounded = teamStacks().filter((team) => deliveryRole(team, "deploy").boundary?.arn === boundaryArn);
    expect(bounded.sort()).toEqual(teamStacks().filter((team) => team !== "central-ai").sort());
  });

  // Identity Store has no tag conditions and Identity Center's admin actions take no policy-name keys: no team
  // policy can narrow them, so the organization's identity is the identity stack's, deployed from its own account.
  it("is denied every Identity Store and Identity Center write, on any resource", () => {
    const writes = [...expandActionPattern("identitystore:*"), ...expandActionPattern("sso:*")]
      .filter((action) => action.accessLevel !== "Read" && action.accessLevel !== "List")
      .map((action) => action.key);
    expect(writes).toEqual(expect.arrayContaining(["identitystore:CreateGroupMembership", "sso:CreateAccountAssignment", "sso:AttachCustomerManagedPolicyReferenceToPermissionSet"]));
    const resources = [
      "*",
      "arn:aws:identitystore::111111111111:identitystore/d-9067a1b2c3",
      "arn:aws:identitystore:::group/4a1b2c3d-0000-0000-0000-000000000001",
      "arn:aws:identitystore:::user/4a1b2c3d-0000-0000-0000-000000000002",
      "arn:aws:identitystore:::membership/4a1b2c3d-0000-0000-0000-000000000003",
      "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6",
      "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef",
      `arn:aws:sso:::account/${account}`,
    ];
    for (const team of teamStacks()) {
      const allowed = writes.flatMap((action) => resources.filter((resource) => decide(deliveryRole(team, "deploy"), { action, resource }) === "Allowed").map((resource) => `${action} on ${resource}`));
      expect([team, allowed]).toEqual([team, []]);
    }
  });

  it("has policies within the managed-policy quota", () => {
    const delivery = resourcesOfType(central(), "aws:iam/policy:Policy").filter((policy) => String(policy.inputs.path).startsWith("/ml-platform/"));
    expect(delivery.length).toBeGreaterThanOrEqual(teamStacks().length * 2);
    for (const policy of delivery) expect([policy.inputs.name, policyCharacterCount(String(policy.inputs.policy)) <= 6144]).toEqual([policy.inputs.name, true]);
  });
});

describe("the central-ai deploy role", () => {
  const deploy = () => deliveryRole("central-ai", "deploy");
  const expectDenied = (request: Request) => expect([describeRequest(request), decide(deploy(), request)]).not.toEqual([describeRequest(request), "Allowed"]);
  const tags = { "aws:RequestTag/team": "central-ai", "aws:TagKeys": ["team"] };

  it("may edit the boundary and the delivery roles, which only it manages", () => {
    expect(decide(deploy(), { action: "iam:CreatePolicyVersion", resource: boundaryArn })).toBe("Allowed");
    expect(decide(deploy(), { action: "iam:UpdateAssumeRolePolicy", resource: iamArn("role/ml-platform/deploy/data-scientists-deploy") })).toBe("Allowed");
  });

  it("still creates team principals only with the boundary, and writes nothing under another team's path", () => {
    expectDenied({ action: "iam:CreateRole", resource: iamArn("role/ml/central-ai/escape"), context: tags });
    expectDenied({ action: "iam:CreateUser", resource: iamArn("user/ml/central-ai/escape"), context: tags });
    expectDenied({ action: "iam:DeleteRolePermissionsBoundary", resource: iamArn("role/ml/central-ai/central-ai-access") });
    expectDenied({ action: "iam:PutRolePolicy", resource: iamArn("role/ml/data-scientists/data-scientists-access") });
    expectDenied({ action: "iam:CreateAccessKey", resource: iamArn("user/ml/central-ai/alice.central") });
    expectDenied({ action: "iam:AttachRolePolicy", resource: iamArn("role/ml-platform/deploy/data-scientists-deploy"), context: { "iam:PolicyARN": administratorAccess } });
  });
});

describe("every preview role", () => {
  it.each(["data-scientists", "distributed-ml", "model-builders", "central-ai"])("denies %s every write of its up", (team) => {
    const preview = deliveryRole(team, "preview");
    const writes = upRequests(team).filter((request) => !/^s3:(GetObject|ListBucket)$/.test(request.action));
    const allowed = writes.filter((request) => decide(preview, request) === "Allowed").map(describeRequest);
    expect(allowed).toEqual([]);
  });

  it("reads what a refresh of its stack reads, and its state", () => {
    const preview = deliveryRole("data-scientists", "preview");
    for (const request of [
      { action: "iam:GetRole", resource: iamArn("role/ml/data-scientists/data-scientists-access") },
      { action: "iam:ListAttachedRolePolicies", resource: iamArn("role/ml/data-scientists/data-scientists-access") },
      { action: "iam:GetPolicyVersion", resource: iamArn("policy/ml/data-scientists/data-scientists-ml-jobs") },
      { action: "iam:GetGroup", resource: iamArn("group/ml/data-scientists/data-scientists-users") },
      { action: "s3:GetObject", resource: `arn:aws:s3:::${stateBucket()}/.pulumi/stacks/data-scientists/dev.json` },
      { action: "s3:GetObject", resource: `arn:aws:s3:::${stateBucket()}/.pulumi/stacks/central-ai/dev.json` },
    ]) {
      expect([request.action, decide(preview, request)]).toEqual([request.action, "Allowed"]);
    }
  });

  it("is assumable from pull requests and from main (the drift check), never from a GitHub environment", () => {
    const role = resourcesOfType(central(), "aws:iam/role:Role").find((resource) => resource.inputs.name === "data-scientists-preview")!;
    const [trust] = documentOf(role, "assumeRolePolicy").Statement as { Condition: { StringEquals: Record<string, unknown> } }[];
    expect(trust!.Condition.StringEquals["token.actions.githubusercontent.com:sub"]).toEqual([
      "repo:example-org/ml-iam-platform:pull_request",
      "repo:example-org/ml-iam-platform:ref:refs/heads/main",
    ]);
  });
});

describe("the central stack's delivery config", () => {
  const workspaceRoot = join(__dirname, "../../..");
  const directories: string[] = [];
  afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

  /** central-ai planned from its real program with a changed copy of its dev config. */
  async function planCentralWith(edit: (yaml: string) => string): Promise<PlanFile> {
    const directory = mkdtempSync(join(tmpdir(), "central-ai-delivery-"));
    directories.push(directory);
    const config = join(directory, "Pulumi.dev.yaml");
    copyFileSync(join(workspaceRoot, "stacks/central-ai/Pulumi.dev.yaml"), config);
    writeFileSync(config, edit(readFileSync(config, "utf8")));
    jest.resetModules();
    return planStack({
      stack: { name: "central-ai", directory, main: join(workspaceRoot, "stacks/central-ai/src/index.ts"), envs: ["dev"], upstream: [] },
      env: "dev",
      upstreamPlan: () => undefined,
    });
  }

  it("adopts an existing OIDC provider by ARN, and without a state bucket grants no S3 access", async () => {
    const existing = iamArn("oidc-provider/token.actions.githubusercontent.com");
    const plan = await planCentralWith((yaml) =>
      yaml.replace(/^ {2}central-ai:stateBucket: .*\n/m, "") + `  central-ai:githubOidcProviderArn: ${existing}\n`,
    );
    expect(resourcesOfType(plan, "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).toEqual([]);
    expect(plan.outputs.githubOidcProviderArn).toBe(existing);
    const deployPolicies = resourcesOfType(plan, "aws:iam/policy:Policy").filter((policy) => String(policy.inputs.path) === "/ml-platform/deploy/");
    expect(deployPolicies.map((policy) => String(policy.inputs.policy)).join()).not.toContain("s3:");
    // An adopted provider is read, never changed.
    const platform = deployPolicies.find((policy) => policy.inputs.name === "central-ai-deploy-platform")!;
    expect(JSON.stringify(documentOf(platform))).not.toContain("OpenIDConnectProvider");
  });

  it("refuses Identity Center config, which is the identity stack's, naming the key", async () => {
    await expect(planCentralWith((yaml) => `${yaml}  central-ai:identityCenter:\n    identityStoreId: d-9067a1b2c3\n`)).rejects.toThrow(
      /central-ai:identityCenter: is not a config key of this stack/,
    );
  });
});
