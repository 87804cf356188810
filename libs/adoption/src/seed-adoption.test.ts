import type { PlanFile } from "@ml-iam/plan";
import { planWorkspaceStacks } from "@ml-iam/plan/src/testing";
import { adoptionAliases } from "./adoption-aliases";
import { countByStatus, planAdoption, type AdoptedResource, type AdoptionReport, type ResourceAdoption } from "./adoption-plan";
import { pulumiImportFile } from "./import-file";
import { grantText } from "./policy-change";
import { existingFixture, mappingFixture } from "./testing";

// Each fixture is the state `pulumi stack export` would hold after `pulumi up` of one source document's Python
// program: its types, its logical names, the names Pulumi gave (logical name plus a 7-character suffix) and its
// inputs as written. Where a program cannot run as written, the fixture holds what it means: seed 000's
// assume_role_policy_for_principal(...) is a dict (no .json), serialized; seed 002's Identity Store group needs
// an identityStoreId and a displayName, given as the team's store and the logical name, and its membership of
// placeholder ids ("exampleGroupId") is left out; seed 003's PolicyDocumentStatementArgs is read as
// GetPolicyDocumentStatementArgs.

let plans: Map<string, PlanFile>;
beforeAll(async () => {
  // Planning reports the stacks' policy warnings; they are the plan's business, not these tests'.
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  // The stacks the seeds are adopted into; the identity stack's one env is org.
  const stacks = ["central-ai", "data-scientists", "distributed-ml", "model-builders", "identity/org"] as const;
  plans = new Map((await planWorkspaceStacks(stacks, "dev")).map((plan) => [plan.stack, plan]));
  warn.mockRestore();
});

function adopt(seed: string, stack: string, mapping?: string | Record<string, string>): AdoptionReport {
  const existing = existingFixture(`seed-${seed}-export.json`);
  return planAdoption({ existing, plan: plans.get(stack)!, mapping: mapping === undefined ? undefined : mappingFixture(mapping) });
}

/** `status type name`: the planned logical name where there is one, else the old program's. */
const lines = (report: AdoptionReport) =>
  report.resources.map((r) => `${r.status} ${r.type.split(":").pop()} ${"planned" in r ? r.planned.name : r.existing.label}${"existing" in r && "planned" in r ? ` <- ${r.existing.label}` : ""}`);
const adopted = (report: AdoptionReport, name: string) =>
  report.resources.find((r): r is AdoptedResource => "existing" in r && "planned" in r && r.planned.name === name)!;
const change = (resource: AdoptedResource, property: string) => resource.changes.find((c) => c.property === property);
const pairs = (changes: { action: string; resource: string }[]) => changes.map((c) => `${c.action} ${c.resource}`);
const byStatus = (report: AdoptionReport, status: ResourceAdoption["status"]) => report.resources.filter((r) => r.status === status);

describe("adopting seed 000 (granular permissions for AI data scientists) into data-scientists", () => {
  it("without a mapping adopts nothing: every name differs, so the old resources stay and the plan creates its own", () => {
    const report = adopt("000", "data-scientists");
    expect(countByStatus(report)).toEqual({ "adopted-as-is": 0, "adopted-with-changes": 0, "not-managed-here": 5, "would-be-created": 32 });
    expect(byStatus(report, "not-managed-here").map((r) => ("existing" in r ? r.existing.label : ""))).toEqual([
      "aiDataScientistsGroup",
      "aiDataScientistsGroupPolicyAttachment",
      "aiDataScientistsPolicy",
      "aiDataScientistsRole",
      "aiDataScientistsRolePolicyAttachment",
    ]);
    expect(pulumiImportFile(report, plans.get("data-scientists")!)).toEqual({ resources: [] });
  });

  it("with the mapping adopts the policy, the role and the group, and leaves the seed's attachments alone", () => {
    const report = adopt("000", "data-scientists", "seed-000-mapping.json");
    expect(lines(report).filter((line) => !line.startsWith("would-be-created"))).toEqual([
      "adopted-with-changes Policy studio-and-data <- aiDataScientistsPolicy",
      "adopted-with-changes Group group <- aiDataScientistsGroup",
      "adopted-with-changes Role studio <- aiDataScientistsRole",
      "not-managed-here GroupPolicyAttachment aiDataScientistsGroupPolicyAttachment",
      "not-managed-here RolePolicyAttachment aiDataScientistsRolePolicyAttachment",
    ]);
    // Besides the team's roles and policies (the Studio role's data policy among them), the two members' IAM users and login profiles.
    expect(countByStatus(report)["would-be-created"]).toBe(29);
  });

  it("narrows sagemaker:* on every notebook instance to the team's Studio apps and its own buckets", () => {
    const policy = change(adopted(adopt("000", "data-scientists", "seed-000-mapping.json"), "studio-and-data"), "policy")!.policy!;
    expect(policy.removed.map(grantText)).toEqual([
      "Allow s3:GetObject on arn:aws:s3:::ai-datasets",
      "Allow s3:GetObject on arn:aws:s3:::ai-datasets/*",
      "Allow s3:GetObject on arn:aws:sagemaker:*:*:notebook-instance/*",
      "Allow s3:ListBucket on arn:aws:s3:::ai-datasets",
      "Allow s3:ListBucket on arn:aws:s3:::ai-datasets/*",
      "Allow s3:ListBucket on arn:aws:sagemaker:*:*:notebook-instance/*",
      "Allow sagemaker:* on arn:aws:s3:::ai-datasets",
      "Allow sagemaker:* on arn:aws:s3:::ai-datasets/*",
      "Allow sagemaker:* on arn:aws:sagemaker:*:*:notebook-instance/*",
    ]);
    // Of the nine written pairs, the IAM data says only these ever matched anything: they are what is revoked.
    expect(pairs(policy.access!.revoked)).toEqual([
      "s3:GetObject arn:aws:s3:::ai-datasets/*",
      "s3:ListBucket arn:aws:s3:::ai-datasets",
      ...[
        "AddTags",
        "CreateNotebookInstance",
        "CreatePresignedNotebookInstanceUrl",
        "DeleteNotebookInstance",
        "DeleteTags",
        "DescribeNotebookInstance",
        "ListTags",
        "StartNotebookInstance",
        "StopNotebookInstance",
        "UpdateNotebookInstance",
      ].map((action) => `sagemaker:${action} arn:aws:sagemaker:*:*:notebook-instance/*`),
    ]);
    expect(pairs(policy.access!.granted)).toEqual(
      expect.arrayContaining(["s3:ListBucket arn:aws:s3:::data-scientists-datasets-dev", "s3:GetObject arn:aws:s3:::data-scientists-datasets-dev/*"]),
    );
    expect(policy.access!.resolvedFindings).toEqual(expect.arrayContaining([expect.stringMatching(/^warning WILDCARD_ACTION statement 0 \(sagemaker:\*\)/)]));
  });

  it("gives the role the central boundary and a confused-deputy condition, and replaces it for its name and path", () => {
    const role = adopted(adopt("000", "data-scientists", "seed-000-mapping.json"), "studio");
    expect(role.replacedBy).toEqual(["name", "path"]);
    expect(change(role, "permissionsBoundary")).toEqual({
      property: "permissionsBoundary",
      after: "arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary",
      replaces: false,
    });
    expect(change(role, "assumeRolePolicy")!.policy).toEqual({
      kind: "trust",
      removed: [{ effect: "Allow", action: "sts:AssumeRole", target: "for Service:sagemaker.amazonaws.com" }],
      added: [{ effect: "Allow", action: "sts:AssumeRole", target: "for Service:sagemaker.amazonaws.com", condition: "StringEquals aws:SourceAccount=111111111111" }],
    });
  });

  it("renames and moves the group in place, with no replacement", () => {
    const group = adopted(adopt("000", "data-scientists", "seed-000-mapping.json"), "group");
    expect(group.changes).toEqual([
      { property: "name", before: "aiDataScientistsGroup-0f4a6d2", after: "data-scientists-users", replaces: false },
      { property: "path", before: "/", after: "/ml/data-scientists/", replaces: false },
    ]);
    expect(group.replacedBy).toEqual([]);
  });

  it("warns that the seed's attachments keep granting the old policy and block deleting what is replaced", () => {
    const report = adopt("000", "data-scientists", "seed-000-mapping.json");
    const roleAttachment = report.resources.find((r) => "existing" in r && r.existing.label === "aiDataScientistsRolePolicyAttachment")!;
    expect(roleAttachment.notes).toEqual([
      "it attaches policy aiDataScientistsPolicy (adopted as studio-and-data) to role aiDataScientistsRole (adopted as studio), and the plan has no such " +
        "attachment: it stays and keeps granting that policy until it is detached by hand (or mapped to a planned attachment)",
      "while it stays, the replaced policy aiDataScientistsPolicy and role aiDataScientistsRole cannot be deleted (DeleteConflict): detach it before pulumi up",
    ]);
  });

  it("imports each adopted resource under its planned name and parent component, by the seed's physical id", () => {
    const report = adopt("000", "data-scientists", "seed-000-mapping.json");
    expect(pulumiImportFile(report, plans.get("data-scientists")!)).toEqual({
      resources: [
        { type: "ml-iam:team-stack:TeamGroup", name: "group-team-group", logicalName: "group", component: true },
        { type: "ml-iam:team-stack:TeamRole", name: "studio-team-role", logicalName: "studio", component: true },
        { type: "aws:iam/policy:Policy", name: "studio-and-data", id: "arn:aws:iam::111111111111:policy/aiDataScientistsPolicy-5d1e0a3" },
        { type: "aws:iam/group:Group", name: "group", id: "aiDataScientistsGroup-0f4a6d2", parent: "group-team-group" },
        { type: "aws:iam/role:Role", name: "studio", id: "aiDataScientistsRole-7c2b9e4", parent: "studio-team-role" },
      ],
    });
  });
});

describe("adopting seed 001 (centralized IAM policy for AI teams) into central-ai", () => {
  it("without a mapping leaves the policy, the user and the attachment alone, and creates all it plans", () => {
    // Every planned resource is created, as with no existing resources at all (the count grows with the teams).
    const everything = countByStatus(planAdoption({ existing: { kind: "resource-list", file: "none.json", resources: [] }, plan: plans.get("central-ai")! }))["would-be-created"];
    expect(everything).toBeGreaterThan(40);
    expect(countByStatus(adopt("001", "central-ai"))).toEqual({ "adopted-as-is": 0, "adopted-with-changes": 0, "not-managed-here": 3, "would-be-created": everything });
  });

  it("with the mapping moves the read policy from the placeholder bucket to the shared dataset buckets", () => {
    const report = adopt("001", "central-ai", "seed-001-mapping.json");
    const policy = change(adopted(report, "datasets-read"), "policy")!.policy!;
    expect(pairs(policy.access!.revoked)).toEqual(["s3:GetObject arn:aws:s3:::your-ai-team-bucket-name/*", "s3:ListBucket arn:aws:s3:::your-ai-team-bucket-name"]);
    expect(pairs(policy.access!.granted)).toEqual([
      "kms:Decrypt arn:aws:kms:us-east-1:111111111111:key/1f0e2d3c-4b5a-4697-8877-665544332211",
      "s3:GetBucketLocation arn:aws:s3:::ai-datasets-dev",
      "s3:GetBucketLocation arn:aws:s3:::ml-datasets-dev",
      "s3:GetObject arn:aws:s3:::ai-datasets-dev/*",
      "s3:GetObject arn:aws:s3:::ml-datasets-dev/*",
      "s3:ListBucket arn:aws:s3:::ai-datasets-dev",
      "s3:ListBucket arn:aws:s3:::ml-datasets-dev",
    ]);
  });

  it("adopts the user in place: renamed, moved, bounded, and no longer force-destroyed", () => {
    const user = adopted(adopt("001", "central-ai", "seed-001-mapping.json"), "user-alice.central");
    expect(user).toMatchObject({ status: "adopted-with-changes", matchedBy: "mapping", replacedBy: [] });
    expect(user.changes.map((c) => `${c.property}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`)).toEqual([
      "forceDestroy: true -> false",
      'name: "aiUser-9e2d4a7" -> "alice.central"',
      'path: "/" -> "/ml/central-ai/"',
      'permissionsBoundary: undefined -> "arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary"',
    ]);
  });

  it("leaves the user's policy attachment alone: people reach the datasets through the access role here", () => {
    const report = adopt("001", "central-ai", "seed-001-mapping.json");
    expect(byStatus(report, "not-managed-here").map((r) => ("existing" in r ? r.existing.importId : ""))).toEqual([
      "aiUser-9e2d4a7/arn:aws:iam::111111111111:policy/aiPolicy-3b8c1f0",
    ]);
  });
});

describe("adopting seed 002 (model building with Identity Store) into model-builders and the identity stack", () => {
  it("with the mapping (by id and ARN) adopts the role, the policy and their attachment into model-builders, and leaves the Identity Store group to the identity stack", () => {
    const report = adopt("002", "model-builders", "seed-002-mapping.json");
    expect(lines(report).filter((line) => line.startsWith("adopted"))).toEqual([
      "adopted-with-changes Policy job-runtime <- aiModelBuilderPolicy",
      "adopted-with-changes Role job <- aiModelBuilderRole",
      "adopted-with-changes RolePolicyAttachment job-runtime <- aiModelBuilderRolePolicyAttachment",
    ]);
    const attachment = report.resources.find((r) => "existing" in r && r.existing.label === "aiModelBuilderRolePolicyAttachment");
    expect(attachment).toMatchObject({ planned: { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment" }, matchedBy: "attached-resources" });
    expect(lines(report).filter((line) => line.startsWith("not-managed-here"))).toEqual(["not-managed-here Group aiModelBuildersGroup"]);
  });

  it("adopts the Identity Store group into the identity stack by its URN, renaming it in place in the store it is in", () => {
    const report = adopt("002", "identity", "seed-002-identity-mapping.json");
    expect(lines(report).filter((line) => line.startsWith("adopted"))).toEqual(["adopted-with-changes Group model-builders-group <- aiModelBuildersGroup"]);
    expect(adopted(report, "model-builders-group").changes).toEqual([
      { property: "description", before: "Group for AI model builders", after: "The model-builders team's people.", replaces: false },
      { property: "displayName", before: "aiModelBuildersGroup", after: "model-builders", replaces: false },
    ]);
  });

  it("revokes sagemaker:* and logs:* on everything for the training jobs' own resources", () => {
    const policy = change(adopted(adopt("002", "model-builders", "seed-002-mapping.json"), "job-runtime"), "policy")!.policy!;
    const revokedServices = new Set(policy.access!.revoked.map((pair) => pair.action.split(":")[0]));
    expect([...revokedServices]).toEqual(["ec2", "logs", "sagemaker"]);
    expect(policy.access!.revoked.every((pair) => pair.resource === "*")).toBe(true);
    expect(pairs(policy.access!.granted)).toContain("ecr:BatchGetImage arn:aws:ecr:us-east-1:111111111111:repository/model-builders/training");
    expect(policy.access!.granted.some((pair) => pair.action.startsWith("sagemaker:"))).toBe(false);
  });

  it("imports the Identity Store group into the identity stack by its store and group id", () => {
    const report = adopt("002", "identity", "seed-002-identity-mapping.json");
    expect(pulumiImportFile(report, plans.get("identity")!).resources).toContainEqual(
      expect.objectContaining({
        type: "aws:identitystore/group:Group",
        name: "model-builders-group",
        id: "d-9067a1b2c3/94680428-e0b1-70f1-6e9c-7f1e8b0a1c2d",
      }),
    );
  });
});

describe("adopting seed 003 (SageMaker policy for ML users) into central-ai", () => {
  it("without a mapping leaves the policy alone", () => {
    expect(lines(adopt("003", "central-ai")).filter((line) => !line.startsWith("would-be-created"))).toEqual(["not-managed-here Policy sagemakerIamPolicy"]);
  });

  it("with the mapping narrows sagemaker:* on * to this account's region, replacing the policy for its name, path and description", () => {
    const policy = adopted(adopt("003", "central-ai", "seed-003-mapping.json"), "sagemaker-full-access");
    expect(policy.replacedBy).toEqual(["description", "name", "path"]);
    const { access, removed } = change(policy, "policy")!.policy!;
    expect(removed.map(grantText)).toEqual(["Allow sagemaker:* on *"]);
    expect(new Set(access!.revoked.map((pair) => pair.resource))).toEqual(new Set(["*"]));
    expect(access!.granted.filter((pair) => pair.resource !== "*").every((pair) => pair.resource === "arn:aws:sagemaker:us-east-1:111111111111:*")).toBe(true);
    expect(access!.granted.filter((pair) => pair.resource === "*").every((pair) => pair.conditional)).toBe(true);
  });
});

describe("adopting seed 004 (managed policies for distributed ML teams) into distributed-ml", () => {
  it("without a mapping leaves everything alone, the group included: no planned group is named mlTeamGroup", () => {
    const report = adopt("004", "distributed-ml");
    expect(lines(report).filter((line) => !line.startsWith("would-be-created"))).toEqual([
      "not-managed-here Group mlTeamGroup",
      "not-managed-here GroupPolicyAttachment groupRoleAttachment",
      "not-managed-here Policy mlPolicy",
      "not-managed-here Role mlTeamRole",
      "not-managed-here RolePolicyAttachment rolePolicyAttachment",
    ]);
  });

  it("adopts the ListBucket-on-objects policy with changes: ListBucket moves to the bucket ARNs", () => {
    const report = adopt("004", "distributed-ml", "seed-004-mapping.json");
    const datasets = adopted(report, "datasets");
    expect(datasets.status).toBe("adopted-with-changes");
    const policy = change(datasets, "policy")!.policy!;
    expect(policy.removed.map(grantText)).toContain("Allow s3:ListBucket on arn:aws:s3:::ml-datasets-*/*");
    expect(policy.added.map(grantText)).toContain("Allow s3:ListBucket on arn:aws:s3:::distributed-ml-datasets-dev");
    // On object ARNs ListBucket never matched: the access it grants is new, and nothing of it is revoked.
    expect(pairs(policy.access!.granted)).toContain("s3:ListBucket arn:aws:s3:::distributed-ml-datasets-dev");
    expect(pairs(policy.access!.revoked)).toEqual([
      "ec2:RunInstances *",
      "ec2:TerminateInstances *",
      "s3:GetObject arn:aws:s3:::ml-datasets-*/*",
      "s3:PutObject arn:aws:s3:::ml-datasets-*/*",
    ]);
    expect(policy.access!.resolvedFindings).toContain(
      "error RESOURCE_MISMATCH statement 0 (s3:ListBucket on arn:aws:s3:::ml-datasets-*/*): s3:ListBucket applies to accesspoint or bucket resources, " +
        "not to arn:aws:s3:::ml-datasets-*/*: use arn:aws:s3:::ml-datasets-*",
    );
  });

  it("gives the role the central boundary and EC2's trust instead of SageMaker's", () => {
    const role = adopted(adopt("004", "distributed-ml", "seed-004-mapping.json"), "instance");
    expect(change(role, "permissionsBoundary")?.after).toBe("arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary");
    expect(change(role, "assumeRolePolicy")!.policy).toMatchObject({
      removed: [{ action: "sts:AssumeRole", target: "for Service:sagemaker.amazonaws.com" }],
      added: [{ action: "sts:AssumeRole", target: "for Service:ec2.amazonaws.com" }],
    });
  });

  it("adopts the group only when the mapping maps it", () => {
    const withGroup = adopt("004", "distributed-ml", "seed-004-mapping.json");
    expect(adopted(withGroup, "group").existing.label).toBe("mlTeamGroup");
    const { "urn:pulumi:dev::distributed-ml-iam::aws:iam/group:Group::mlTeamGroup": _group, ...withoutGroup } = mappingFixture("seed-004-mapping.json").entries.reduce<Record<string, string>>(
      (entries, entry) => ({ ...entries, [entry.existing]: entry.planned }),
      {},
    );
    const report = adopt("004", "distributed-ml", withoutGroup);
    expect(lines(report).filter((line) => line.startsWith("not-managed-here"))).toEqual([
      "not-managed-here Group mlTeamGroup",
      "not-managed-here GroupPolicyAttachment groupRoleAttachment",
      "not-managed-here RolePolicyAttachment rolePolicyAttachment",
    ]);
  });

  it("writes the import document and, for this stack export, the aliases to use instead", () => {
    const report = adopt("004", "distributed-ml", "seed-004-mapping.json");
    expect(pulumiImportFile(report, plans.get("distributed-ml")!)).toEqual({
      resources: [
        { type: "ml-iam:team-stack:TeamGroup", name: "group-team-group", logicalName: "group", component: true },
        { type: "ml-iam:team-stack:TeamRole", name: "instance-team-role", logicalName: "instance", component: true },
        { type: "aws:iam/policy:Policy", name: "datasets", id: "arn:aws:iam::111111111111:policy/mlPolicy-1e5a9c4" },
        { type: "aws:iam/group:Group", name: "group", id: "mlTeamGroup-7f3b2d6", parent: "group-team-group" },
        { type: "aws:iam/role:Role", name: "instance", id: "mlTeamRole-6b1d8f2", parent: "instance-team-role" },
      ],
    });
    const aliases = adoptionAliases(report)!;
    expect(aliases.stateMove).toMatchObject({ source: "organization/distributed-ml-iam/dev", destination: "organization/distributed-ml/dev" });
    expect(aliases.resources.map((entry) => [entry.urn, entry.aliases])).toEqual([
      ["urn:pulumi:dev::distributed-ml::aws:iam/policy:Policy::datasets", ["urn:pulumi:dev::distributed-ml::aws:iam/policy:Policy::mlPolicy"]],
      ["urn:pulumi:dev::distributed-ml::ml-iam:team-stack:TeamGroup$aws:iam/group:Group::group", ["urn:pulumi:dev::distributed-ml::aws:iam/group:Group::mlTeamGroup"]],
      ["urn:pulumi:dev::distributed-ml::ml-iam:team-stack:TeamRole$aws:iam/role:Role::instance", ["urn:pulumi:dev::distributed-ml::aws:iam/role:Role::mlTeamRole"]],
    ]);
    // The seed put the people's policy on the nodes' role; here people hold it, so that attachment is not adopted.
    expect(report.resources.find((r) => "existing" in r && r.existing.label === "rolePolicyAttachment")?.status).toBe("not-managed-here");
  });
});
