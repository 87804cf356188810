import { diffInputs, type ExistingInputs } from "./input-diff";

const role = "aws:iam/role:Role";
const complete = (inputs: Record<string, unknown>, defaulted: string[] = []): ExistingInputs => ({ inputs, complete: true, defaulted });
const trust = (service: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

describe("the input diff of an adopted resource", () => {
  it.each<[string, string, ExistingInputs, Record<string, unknown>, string[]]>([
    ["the same inputs", role, complete({ name: "r", path: "/ml/t/" }), { name: "r", path: "/ml/t/" }, []],
    ["a provider default written on one side only", role, complete({ name: "r", path: "/", maxSessionDuration: 3600 }), { name: "r" }, []],
    ["an input the provider defaulted and the plan leaves out", role, complete({ name: "r", forceDetachPolicies: true }, ["forceDetachPolicies"]), { name: "r" }, []],
    ["an input the old program set and the plan leaves out", role, complete({ name: "r", description: "old" }), { name: "r" }, ["description"]],
    ["a boundary added", role, complete({ name: "r" }), { name: "r", permissionsBoundary: "arn:aws:iam::1:policy/b" }, ["permissionsBoundary"]],
    ["the same document written differently", role, complete({ assumeRolePolicy: trust("ec2.amazonaws.com") }), { assumeRolePolicy: JSON.stringify(JSON.parse(trust("ec2.amazonaws.com")), null, 2) }, []],
    ["tags, which the provider's default tags manage", role, complete({ name: "r", tags: { a: "b" } }), { name: "r" }, []],
    ["inputs a resource list does not state", role, { inputs: { name: "r" }, complete: false, defaulted: [] }, { name: "r", description: "new", permissionsBoundary: "b" }, []],
  ])("compares %s", (_case, type, existing, planned, changed) => {
    expect(diffInputs(type, "r", existing, planned).map((change) => change.property)).toEqual(changed);
  });

  it.each<[string, string, boolean]>([
    ["aws:iam/role:Role", "name", true],
    ["aws:iam/role:Role", "path", true],
    ["aws:iam/role:Role", "permissionsBoundary", false],
    ["aws:iam/policy:Policy", "description", true],
    ["aws:iam/policy:Policy", "policy", false],
    ["aws:iam/group:Group", "name", false],
    ["aws:iam/user:User", "path", false],
  ])("knows whether changing %s %s replaces it", (type, property, replaces) => {
    const [change] = diffInputs(type, "r", complete({ [property]: "before" }), { [property]: "after" });
    expect(change?.replaces).toBe(replaces);
  });

  it("diffs a trust policy by the grants it writes", () => {
    const [change] = diffInputs(role, "r", complete({ assumeRolePolicy: trust("sagemaker.amazonaws.com") }), { assumeRolePolicy: trust("ec2.amazonaws.com") });
    expect(change?.policy).toEqual({
      kind: "trust",
      removed: [{ effect: "Allow", action: "sts:AssumeRole", target: "for Service:sagemaker.amazonaws.com" }],
      added: [{ effect: "Allow", action: "sts:AssumeRole", target: "for Service:ec2.amazonaws.com" }],
    });
  });

  it("never shows a secret: the state's encrypted value nor the plan's placeholder", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:c2VjcmV0LWNpcGhlcnRleHQ=" };
    const changes = diffInputs("aws:iam/user:User", "u", complete({ name: "u", pgpKey: secret }), { name: "u", pgpKey: "[secret]" });
    expect(changes).toEqual([{ property: "pgpKey", before: "[secret]", after: "[secret]", replaces: false, secret: true }]);
    expect(JSON.stringify(changes)).not.toContain("c2VjcmV0");
  });
});
