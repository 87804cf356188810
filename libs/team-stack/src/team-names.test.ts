import { teamNames } from "./team-names";

describe("team names", () => {
  it.each([
    ["data-scientists", "dev", false, "access", "data-scientists-access"],
    ["data-scientists", "dev", true, "access", "data-scientists-dev-access"],
    ["model-builders", "prod", true, "execution", "model-builders-prod-execution"],
  ])("names %s's %s resource (shared account: %s)", (team, env, shared, purpose, expected) => {
    expect(teamNames(team, env, shared).resourceName(purpose)).toBe(expected);
  });

  it("puts every team under its own IAM path", () => {
    expect(teamNames("distributed-ml", "dev", false).path).toBe("/ml/distributed-ml/");
  });

  it("refuses a name longer than IAM allows, naming it", () => {
    expect(() => teamNames("a".repeat(55), "dev", true).resourceName("execution")).toThrow(`name ${"a".repeat(55)}-dev-execution is 69 characters; IAM allows 64: shorten the team or purpose`);
  });
});
