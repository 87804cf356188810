import { describeResource, parseUrn, teamOf } from "./policy-resource";

describe("a resource's URN", () => {
  it.each([
    ["urn:pulumi:dev::data-scientists::aws:iam/policy:Policy::ml-jobs", { stack: "dev", project: "data-scientists", name: "ml-jobs" }],
    ["urn:pulumi:prod::model-builders::ml-iam:team-stack:TeamRole$aws:iam/role:Role::access", { stack: "prod", project: "model-builders", name: "access" }],
    ["urn:pulumi:acme/dev::central-ai::aws:iam/user:User::user-alice::central", { stack: "acme/dev", project: "central-ai", name: "user-alice::central" }],
  ])("%s", (urn, parts) => {
    expect(parseUrn(urn)).toEqual(parts);
  });

  it("must be a Pulumi URN", () => {
    expect(() => parseUrn("arn:aws:iam::111111111111:role/x")).toThrow("not a Pulumi URN");
    expect(() => parseUrn("urn:pulumi:dev::data-scientists")).toThrow("not a Pulumi URN");
  });

  it("gives the team, none for the central stack, and the name messages use", () => {
    const role = { type: "aws:iam/role:Role", props: {}, urn: "urn:pulumi:dev::data-scientists::ml-iam:team-stack:TeamRole$aws:iam/role:Role::access" };
    expect(teamOf(role)).toBe("data-scientists");
    expect(describeResource(role)).toBe("Role access");
    expect(teamOf({ ...role, urn: "urn:pulumi:dev::central-ai::aws:iam/role:Role::access" })).toBeUndefined();
  });
});
