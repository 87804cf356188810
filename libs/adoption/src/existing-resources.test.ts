import { parseExistingResources } from "./existing-resources";
import { existingFixture, readFixture } from "./testing";

describe("reading a pulumi stack export", () => {
  it("keeps the old program's custom resources, not its stack or provider, with their import ids", () => {
    const inventory = existingFixture("seed-004-export.json");
    expect(inventory).toMatchObject({ kind: "pulumi-stack-export", project: "distributed-ml-iam", stack: "dev" });
    expect(inventory.resources.map((r) => [r.label, r.importId])).toEqual([
      ["mlTeamRole", "mlTeamRole-6b1d8f2"],
      ["mlPolicy", "arn:aws:iam::111111111111:policy/mlPolicy-1e5a9c4"],
      ["rolePolicyAttachment", "mlTeamRole-6b1d8f2/arn:aws:iam::111111111111:policy/mlPolicy-1e5a9c4"],
      ["mlTeamGroup", "mlTeamGroup-7f3b2d6"],
      ["groupRoleAttachment", "mlTeamGroup-7f3b2d6/arn:aws:iam::111111111111:policy/mlPolicy-1e5a9c4"],
    ]);
  });

  it("records the inputs the provider defaulted, so leaving them out of the plan is no change", () => {
    const role = existingFixture("seed-004-export.json").resources[0]!;
    expect(role).toMatchObject({ inputsComplete: true, defaulted: ["forceDetachPolicies", "maxSessionDuration", "name", "path"], physicalName: "mlTeamRole-6b1d8f2" });
  });

  it("skips resources read with get and those pending deletion", () => {
    const { text } = readFixture("seed-003-export.json");
    const state = JSON.parse(text) as { deployment: { resources: Record<string, unknown>[] } };
    const policy = state.deployment.resources[2]!;
    state.deployment.resources.push({ ...policy, urn: `${policy.urn}-read`, external: true }, { ...policy, urn: `${policy.urn}-old`, delete: true });
    expect(parseExistingResources(JSON.stringify(state), "export.json").resources.map((r) => r.label)).toEqual(["sagemakerIamPolicy"]);
  });
});

describe("reading a resource list", () => {
  it("takes CloudFormation type names, ids from names or ARNs, and the path from the ARN", () => {
    const inventory = existingFixture("hand-made-resource-list.json");
    expect(inventory.kind).toBe("resource-list");
    expect(inventory.resources.map((r) => [r.type, r.key, r.inputs])).toEqual([
      ["aws:iam/role:Role", "data-scientists-access", { name: "data-scientists-access", path: "/ml/data-scientists/" }],
      ["aws:iam/group:Group", "data-scientists-users", { name: "data-scientists-users", path: "/ml/data-scientists/" }],
      [
        "aws:iam/policy:Policy",
        "arn:aws:iam::111111111111:policy/ml/data-scientists/data-scientists-ml-jobs",
        { name: "data-scientists-ml-jobs", path: "/ml/data-scientists/", description: "ML jobs of the data scientists, made by hand" },
      ],
      ["aws:iam/role:Role", "data-scientists-job", { name: "data-scientists-job", path: "/" }],
      ["aws:iam/user:User", "legacy.ds", { name: "legacy.ds", path: "/" }],
    ]);
    expect(inventory.resources.every((r) => !r.inputsComplete)).toBe(true);
  });
});

describe("input that is neither", () => {
  const exportOf = (resources: unknown[]) => JSON.stringify({ version: 3, deployment: { resources } });
  it.each<[string, string, string]>([
    ["not JSON", "{", "existing.json: not JSON: "],
    ["a plan file", JSON.stringify({ steps: [] }), "existing.json: neither a Pulumi stack export"],
    ["an array", "[]", "existing.json: neither a Pulumi stack export"],
    ["an export of another version", JSON.stringify({ version: 2, deployment: { resources: [] } }), "existing.json: not a Pulumi stack export: version: must be 3"],
    ["an export resource without a URN", exportOf([{ type: "aws:iam/role:Role", custom: true, id: "r" }]), "existing.json: not a Pulumi stack export: deployment.resources.0.urn: "],
    [
      "an export resource that was never created",
      exportOf([{ urn: "urn:pulumi:dev::p::aws:iam/role:Role::r", type: "aws:iam/role:Role", custom: true }]),
      "existing.json: deployment.resources.0.id: urn:pulumi:dev::p::aws:iam/role:Role::r has no id",
    ],
    ["a list entry of another service", JSON.stringify({ resources: [{ type: "aws:s3/bucket:Bucket", name: "b" }] }), "existing.json: resources.0.type: aws:s3/bucket:Bucket is not an IAM role"],
    ["a list entry with a field it does not know", JSON.stringify({ resources: [{ type: "AWS::IAM::Role", name: "r", nmae: "x" }] }), "existing.json: not a resource list: resources.0: "],
    ["a policy listed without its ARN", JSON.stringify({ resources: [{ type: "aws:iam/policy:Policy", name: "p" }] }), "existing.json: resources.0: needs arn (or id: the policy ARN)"],
    ["a policy listed by name as its id", JSON.stringify({ resources: [{ type: "aws:iam/policy:Policy", id: "p" }] }), "existing.json: resources.0.id: a managed policy is imported by its ARN"],
  ])("rejects %s, naming the file and the field", (_case, json, message) => {
    expect(() => parseExistingResources(json, "existing.json")).toThrow(message);
  });
});
