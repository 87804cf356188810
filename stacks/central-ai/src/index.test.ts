import { centralAi } from "@ml-iam/contracts";
import { planAndProveWorkspaceStacks, provenWorkflow, withoutGrant } from "@ml-iam/analysis/src/testing";
import { documentOf, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { renderPlanSummary, type PlanFile } from "@ml-iam/plan";

let plan: PlanFile;
let prod: PlanFile;
// The stack in both envs, with its declared workflows proven over its plan as `npm run plan` does.
beforeAll(async () => {
  [plan] = await planAndProveWorkspaceStacks(["central-ai"], "dev");
  [prod] = await planAndProveWorkspaceStacks(["central-ai"], "prod");
}, workspacePlanTimeout);

const policyNamed = (name: string) =>
  resourcesOfType(plan, "aws:iam/policy:Policy").find((policy) => policy.inputs.name === name)!;

describe("the central AI stack", () => {
  it("exports every output of its contract", () => {
    expect(centralAi.schema.safeParse(plan.outputs).success).toBe(true);
    expect(plan.outputs.datasetBucketArns).toEqual(["arn:aws:s3:::ai-datasets-dev", "arn:aws:s3:::ml-datasets-dev"]);
    expect(plan.outputs.datasetKmsKeyArns).toEqual(plan.config["central-ai:sharedDatasetKmsKeyArns"]);
  });

  it.each([
    ["dev", () => plan],
    ["prod", () => prod],
  ])("proves every workflow it declares in %s, and each shared SageMaker policy on its own", (_env, planOf) => {
    expect(planOf().workflows.map((workflow) => [workflow.name, workflow.subject, workflow.passed])).toEqual([
      ["train-from-laptop", "the principals of central-ai", true],
      ["training-job-runs", "the principals of central-ai", true],
      ["sign-in", "the principals of central-ai", true],
      ["read-shared-datasets", "the principals of central-ai", true],
      ["view-ml-resources", "the principals of central-ai", true],
      ["never-cross-teams", "the principals of central-ai", true],
      ["never-write-shared-datasets", "the principals of central-ai", true],
      ["never-read-deploy-state", "the principals of central-ai", true],
      ["never-sign-in-without-mfa", "the principals of central-ai", true],
      ["never-manage-others-credentials", "the principals of central-ai", true],
      ["view-ml-resources", "a role holding only central-ai-sagemaker-read-only", true],
      ["never-change-ml-resources", "a role holding only central-ai-sagemaker-read-only", true],
      ["view-ml-resources", "a role holding only central-ai-sagemaker-full-access", true],
    ]);
  });

  it("starts the central team's jobs as its job role, which full access alone could not pass", () => {
    const passRole = provenWorkflow(plan, "train-from-laptop").steps.find((step) => step.action === "iam:PassRole")!;
    expect(passRole).toMatchObject({ principal: "central-ai-access", resource: plan.outputs.jobRoleArn, reason: "allowed by central-ai-ml-jobs (statement PassExecutionRoles)" });
  });

  it("reads the SSE-KMS shared datasets with their keys, through S3 only", () => {
    const decrypts = provenWorkflow(plan, "read-shared-datasets").steps.filter((step) => step.action === "kms:Decrypt");
    expect(decrypts.length).toBeGreaterThan(0);
    expect(new Set(decrypts.map((step) => step.resource))).toEqual(new Set(plan.outputs.datasetKmsKeyArns as string[]));
    const statements = documentOf(policyNamed("central-ai-datasets-read")).Statement;
    expect(statements.at(-1)).toEqual(
      expect.objectContaining({ Action: "kms:Decrypt", Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }),
    );
  });

  it("scopes SageMaker full access to the account and region instead of *, to the caller's team's resources, and out of other teams'", () => {
    const [own, create, read, unscopable, otherTeams] = documentOf(policyNamed("central-ai-sagemaker-full-access")).Statement;
    const inAccount = "arn:aws:sagemaker:us-east-1:111111111111:*";
    expect(own).toMatchObject({ Action: "sagemaker:*", Resource: inAccount, Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } });
    expect(create).toMatchObject({ Resource: inAccount, Condition: { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } } });
    expect(read).toMatchObject({ Action: ["sagemaker:Describe*", "sagemaker:List*"], Resource: inAccount });
    expect(unscopable).toMatchObject({ Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } });
    expect(otherTeams).toMatchObject({ Effect: "Deny", Condition: { StringNotEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } });
    expect(JSON.stringify([own, create, read, unscopable])).not.toContain("iam:PassRole");
  });

  it("ships no privilege-escalation finding: full access reaches no other team's notebooks, Studio profiles or lifecycle scripts", () => {
    for (const planned of [plan, prod]) expect(planned.diagnostics.filter((diagnostic) => diagnostic.message.includes("PRIVILEGE_ESCALATION"))).toEqual([]);
  });

  it("keeps SageMaker read-only to Describe and List", () => {
    const actions = documentOf(policyNamed("central-ai-sagemaker-read-only")).Statement.filter((s) => s.Effect === "Allow").flatMap((s) => s.Action as string[]);
    expect(actions.every((action) => /^sagemaker:(Describe|List)/.test(action))).toBe(true);
  });

  it("puts the boundary on every role and user it creates under its team path", () => {
    const principals = [...resourcesOfType(plan, "aws:iam/role:Role"), ...resourcesOfType(plan, "aws:iam/user:User")].filter(
      (principal) => principal.inputs.path === "/ml/central-ai/",
    );
    expect(principals.length).toBe(4);
    for (const principal of principals) expect(principal.inputs.permissionsBoundary).toBe(plan.outputs.permissionsBoundaryArn);
  });

  it("lets people in only through the access role, with MFA", () => {
    const role = resourcesOfType(plan, "aws:iam/role:Role").find((resource) => resource.inputs.name === "central-ai-access");
    expect(documentOf(role!, "assumeRolePolicy").Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111111111111:root" },
      Action: "sts:AssumeRole",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    const [groupPolicy] = resourcesOfType(plan, "aws:iam/groupPolicy:GroupPolicy");
    const [assume, ...ownCredentials] = documentOf(groupPolicy!).Statement;
    expect(assume).toEqual({ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: plan.outputs.accessRoleArn });
    // Members also manage their own password and MFA device, and without MFA may do nothing else.
    expect(ownCredentials.at(-1)).toMatchObject({ Sid: "DenyAllExceptEnrolmentWithoutMfa", Effect: "Deny", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } });
  });

  it("creates its users under the team path with no access keys, each with a login profile encrypted to its PGP key", () => {
    const users = resourcesOfType(plan, "aws:iam/user:User");
    expect(users.map((user) => user.inputs.path)).toEqual(["/ml/central-ai/", "/ml/central-ai/"]);
    expect(resourcesOfType(plan, "aws:iam/accessKey:AccessKey")).toEqual([]);
    const profiles = resourcesOfType(plan, "aws:iam/userLoginProfile:UserLoginProfile");
    expect(profiles.map((profile) => profile.inputs)).toEqual([
      { user: "alice.central", pgpKey: "keybase:alice_central", passwordResetRequired: true },
      { user: "bob.central", pgpKey: "keybase:bob_central", passwordResetRequired: true },
    ]);
  });

  it.each([
    ["dev", () => plan],
    ["prod", () => prod],
  ])("plans in %s no plaintext password: login profiles carry only the encrypted password and the key's fingerprint", (_env, planOf) => {
    const profiles = resourcesOfType(planOf(), "aws:iam/userLoginProfile:UserLoginProfile");
    expect(profiles.length).toBe(2);
    for (const profile of profiles) {
      expect(Object.keys(profile.outputs).filter((key) => !(key in profile.inputs)).sort()).toEqual(["encryptedPassword", "keyFingerprint"]);
      expect(profile.outputs).not.toHaveProperty("password");
    }
    // The plan file and its summary, as npm run plan writes them to dist/plan.
    for (const text of [JSON.stringify(planOf()), renderPlanSummary(planOf())]) expect(text).not.toMatch(/"password"|password:/i);
  });

  it("protects the boundary and the shared policies in prod, not in dev", () => {
    const protectedPolicies = (p: PlanFile) =>
      resourcesOfType(p, "aws:iam/policy:Policy").filter((policy) => policy.protect).map((policy) => policy.inputs.name);
    expect(protectedPolicies(prod)).toEqual([
      "central-ai-datasets-read",
      "central-ai-sagemaker-full-access",
      "central-ai-sagemaker-read-only",
      "central-ai-team-boundary",
    ]);
    expect(protectedPolicies(plan)).toEqual([]);
  });

  it("replaces explicitly named resources by deleting first, as their names cannot coexist", () => {
    const named = [...resourcesOfType(plan, "aws:iam/role:Role"), ...resourcesOfType(plan, "aws:iam/policy:Policy")];
    expect(named.every((resource) => resource.deleteBeforeReplace)).toBe(true);
  });

  it("fails the workflow at the step whose grant is removed, and the pull request's access diff names it", () => {
    // The job role loses the shared datasets, which its work reads.
    const { failures, accessDiff } = withoutGrant(plan, [], (resource) =>
      resource.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && resource.inputs.role === "central-ai-job" && resource.inputs.policyArn === plan.outputs.datasetsReadPolicyArn,
    );
    expect(failures[0]).toMatch(/^workflow training-job-runs, step \d+ \(.+\): s3:\w+ on arn:aws:s3:::ai-datasets-dev\S* as .+ \(central-ai-job\) must be allowed, but no statement grants it$/);
    expect(accessDiff).toMatch(/^- `training-job-runs` of central-ai: holds, \d+ requests → fails, \d+ requests;/m);
  });
});
