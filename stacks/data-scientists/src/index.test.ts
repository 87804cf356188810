import { dataScientists } from "@ml-iam/contracts";
import { planAndProveWorkspaceStacks, provenWorkflow, withoutGrant } from "@ml-iam/analysis/src/testing";
import { documentOf, resourcesOfType, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import type { PlanFile } from "@ml-iam/plan";

const plans: Record<string, { central: PlanFile; plan: PlanFile }> = {};
// Plans central-ai (whose outputs and boundary this stack uses), then this stack, in both envs, and proves the
// stack's declared workflows over them as `npm run plan` does.
beforeAll(async () => {
  for (const env of ["dev", "prod"]) {
    const [central, plan] = await planAndProveWorkspaceStacks(["central-ai", "data-scientists"], env);
    plans[env] = { central: central!, plan: plan! };
  }
}, workspacePlanTimeout);

const roleNamed = (plan: PlanFile, purpose: string) => resourcesOfType(plan, "aws:iam/role:Role").find((role) => role.inputs.name === `data-scientists-${purpose}`)!;

describe.each(["dev", "prod"])("the data scientists stack in %s", (env) => {
  const plan = () => plans[env]!.plan;

  it("exports every output of its contract", () => {
    expect(dataScientists.schema.safeParse(plan().outputs).success).toBe(true);
    const account = env === "dev" ? "111111111111" : "222222222222";
    expect(plan().outputs).toEqual({
      accessRoleArn: `arn:aws:iam::${account}:role/ml/data-scientists/data-scientists-access`,
      studioRoleArn: `arn:aws:iam::${account}:role/ml/data-scientists/data-scientists-studio`,
      jobRoleArn: `arn:aws:iam::${account}:role/ml/data-scientists/data-scientists-job`,
      policyArn: `arn:aws:iam::${account}:policy/ml/data-scientists/data-scientists-studio-and-data`,
      groupName: "data-scientists-users",
      // What its people hold, exactly the access role's policies: the identity stack's permission sets attach them.
      peoplePolicyArns: [
        `arn:aws:iam::${account}:policy/ml/data-scientists/data-scientists-ml-jobs`,
        `arn:aws:iam::${account}:policy/ml/data-scientists/data-scientists-models-and-endpoints`,
        `arn:aws:iam::${account}:policy/ml/data-scientists/data-scientists-studio-and-data`,
        `arn:aws:iam::${account}:policy/ml/central-ai/central-ai-datasets-read`,
        `arn:aws:iam::${account}:policy/ml/central-ai/central-ai-sagemaker-read-only`,
      ],
      permissionsBoundaryArn: `arn:aws:iam::${account}:policy/ml/central-ai/central-ai-team-boundary`,
    });
  });

  it("proves every workflow the team declares, and every never-workflow", () => {
    expect(plan().workflows.map((workflow) => [workflow.name, workflow.passed])).toEqual([
      ["open-studio", true],
      ["train-from-laptop", true],
      ["train-from-studio", true],
      ["training-job-runs", true],
      ["register-model", true],
      ["deploy-model", true],
      ["sign-in", true],
      ["read-shared-datasets", true],
      ["never-cross-teams", true],
      ["never-write-shared-datasets", true],
      ["never-read-deploy-state", true],
      ["never-sign-in-without-mfa", true],
      ["never-manage-others-credentials", true],
    ]);
  });

  it("opens Studio as the person, then runs JupyterLab as the Studio execution role", () => {
    const principals = new Set(provenWorkflow(plan(), "open-studio").steps.map((step) => `${step.actor}:${step.principal}`));
    expect(principals).toEqual(new Set(["person:data-scientists-access", "studio:data-scientists-studio"]));
  });

  it("trains from a laptop as the access role and from a notebook as the Studio role, both passing the job role", () => {
    for (const [name, principal] of [
      ["train-from-laptop", "data-scientists-access"],
      ["train-from-studio", "data-scientists-studio"],
    ]) {
      const passRole = provenWorkflow(plan(), name!).steps.find((step) => step.action === "iam:PassRole")!;
      expect(passRole).toMatchObject({ principal, resource: plan().outputs.jobRoleArn, decision: "Allowed" });
    }
  });

  it("runs jobs as the job role: image, datasets, artifacts, logs, metrics and the VPC's network interfaces", () => {
    const actions = new Set(provenWorkflow(plan(), "training-job-runs").steps.map((step) => step.action));
    for (const action of ["sts:AssumeRole", "ecr:BatchGetImage", "s3:GetObject", "s3:PutObject", "logs:PutLogEvents", "cloudwatch:PutMetricData", "ec2:CreateNetworkInterface"]) {
      expect(actions).toContain(action);
    }
  });

  it("keeps every principal out of the other teams' resources and roles, and a person out of a colleague's Studio profile", () => {
    const never = provenWorkflow(plan(), "never-cross-teams");
    expect(new Set(never.steps.map((step) => step.principal))).toEqual(new Set(["data-scientists-access", "carol.ds (data-scientists-users)", "data-scientists-studio", "data-scientists-job"]));
    expect(never.steps.find((step) => step.purpose.startsWith("open a colleague's Studio profile"))).toMatchObject({ principal: "data-scientists-access", decision: "ImplicitlyDenied" });
  });

  it("gives each person a Studio profile <team>-<person>, tagged with both, running as the Studio role", () => {
    const profiles = resourcesOfType(plan(), "aws:sagemaker/userProfile:UserProfile").map((profile) => profile.inputs);
    expect(profiles).toEqual([
      expect.objectContaining({ userProfileName: "data-scientists-carol-ds", tags: { team: "data-scientists", person: "carol.ds" }, userSettings: { executionRole: plan().outputs.studioRoleArn } }),
      expect.objectContaining({ userProfileName: "data-scientists-dave-ds", tags: { team: "data-scientists", person: "dave.ds" }, userSettings: { executionRole: plan().outputs.studioRoleArn } }),
    ]);
  });

  it("lets only SageMaker, on behalf of this account, assume the Studio and job roles", () => {
    for (const purpose of ["studio", "job"]) {
      expect(documentOf(roleNamed(plan(), purpose), "assumeRolePolicy").Statement).toEqual([
        {
          Effect: "Allow",
          Principal: { Service: "sagemaker.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": plan().account } },
        },
      ]);
    }
  });

  it("lets people in only through the access role, with MFA, tagging the session with their own user name", () => {
    const root = `arn:aws:iam::${plan().account}:root`;
    expect(documentOf(roleNamed(plan(), "access"), "assumeRolePolicy").Statement).toEqual([
      { Effect: "Allow", Principal: { AWS: root }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
      {
        Effect: "Allow",
        Principal: { AWS: root },
        Action: "sts:TagSession",
        Condition: { StringEquals: { "aws:RequestTag/person": "${aws:username}" }, "ForAllValues:StringEquals": { "aws:TagKeys": "person" } },
      },
    ]);
    const [groupPolicy] = resourcesOfType(plan(), "aws:iam/groupPolicy:GroupPolicy");
    const [assume, ...ownCredentials] = documentOf(groupPolicy!).Statement;
    expect(assume).toEqual({ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: plan().outputs.accessRoleArn });
    // Members also manage their own password and MFA device, and without MFA may do nothing else.
    expect(ownCredentials.at(-1)).toMatchObject({ Sid: "DenyAllExceptEnrolmentWithoutMfa", Effect: "Deny", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } });
    const [membership] = resourcesOfType(plan(), "aws:iam/groupMembership:GroupMembership");
    expect(membership?.inputs).toMatchObject({ group: plan().outputs.groupName, users: ["carol.ds", "dave.ds"] });
  });

  it("creates its members as IAM users with the boundary and a PGP-encrypted first password, and no access keys", () => {
    const users = resourcesOfType(plan(), "aws:iam/user:User");
    expect(users.map((user) => user.inputs)).toEqual(
      ["carol.ds", "dave.ds"].map((name) => ({ name, path: "/ml/data-scientists/", permissionsBoundary: plans[env]!.central.outputs.permissionsBoundaryArn, forceDestroy: false })),
    );
    const profiles = resourcesOfType(plan(), "aws:iam/userLoginProfile:UserLoginProfile");
    expect(profiles.map((profile) => profile.inputs)).toEqual(
      ["carol.ds", "dave.ds"].map((name) => expect.objectContaining({ user: name, pgpKey: `keybase:${name.replace(".", "_")}`, passwordResetRequired: true })),
    );
    expect(resourcesOfType(plan(), "aws:iam/accessKey:AccessKey")).toEqual([]);
  });

  it("fails the workflow at the step whose grant is removed, and the pull request's access diff names it", () => {
    // The job role loses the shared datasets, which a running training job reads.
    const { failures, accessDiff } = withoutGrant(plan(), [plans[env]!.central], (resource) =>
      resource.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && resource.inputs.role === "data-scientists-job" && resource.inputs.policyArn === plans[env]!.central.outputs.datasetsReadPolicyArn,
    );
    expect(failures[0]).toMatch(/^workflow training-job-runs, step \d+ \(.+\): s3:ListBucket on arn:aws:s3:::ai-datasets-\w+ as .+ \(data-scientists-job\) must be allowed, but no statement grants it$/);
    expect(accessDiff).toMatch(/^- `training-job-runs` of data-scientists: holds, \d+ requests → fails, \d+ requests;/m);
  });

  it("puts the central boundary on every role", () => {
    const roles = resourcesOfType(plan(), "aws:iam/role:Role");
    expect(roles.map((role) => role.inputs.name)).toEqual(["data-scientists-access", "data-scientists-job", "data-scientists-studio"]);
    for (const role of roles) expect(role.inputs.permissionsBoundary).toBe(plans[env]!.central.outputs.permissionsBoundaryArn);
  });

  it("attaches the central stack's shared policies by the ARNs it exports", () => {
    expect(plan().references).toEqual([
      { project: "central-ai", stack: `organization/central-ai/${env}`, keys: ["datasetsReadPolicyArn", "permissionsBoundaryArn", "sagemakerReadOnlyPolicyArn"] },
    ]);
  });

  it("plans with no policy warnings", () => {
    expect(plan().diagnostics).toEqual([]);
  });
});
