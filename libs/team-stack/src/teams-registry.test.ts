import { readFileSync } from "node:fs";
import {
  addTeam,
  formatTeamsRegistry,
  parseTeamsRegistry,
  readTeamsRegistry,
  removeTeam,
  teamOfStack,
  teamsRegistryFile,
  TeamsRegistryError,
  type TeamsRegistry,
} from "./teams-registry";

const registry: TeamsRegistry = {
  platformTeam: "@example-org/ml-platform",
  teams: [
    { stack: "central-ai", githubTeam: "@example-org/ml-central-ai", envs: ["dev", "prod"] },
    { stack: "data-scientists", githubTeam: "@example-org/ml-data-scientists", envs: ["dev"] },
  ],
};

function problemsOf(json: unknown): readonly string[] {
  try {
    parseTeamsRegistry(json);
  } catch (error) {
    if (error instanceof TeamsRegistryError) return error.problems;
    throw error;
  }
  return [];
}

describe("the teams registry", () => {
  it("accepts a registry of stacks, GitHub team handles and envs", () => {
    expect(parseTeamsRegistry(registry)).toEqual(registry);
  });

  it.each([
    ["a handle without its organization", { githubTeam: "ml-central-ai" }, "teams.0.githubTeam: is not a GitHub team handle (e.g. @example-org/ml-data-scientists)"],
    ["a stack name that is not kebab-case", { stack: "CentralAI" }, "teams.0.stack: must be kebab-case (e.g. data-scientists)"],
    ["no env", { envs: [] }, 'teams.0.envs: lists no env: add at least one, e.g. ["dev", "prod"]'],
    ["an env that cannot name a Pulumi.<env>.yaml", { envs: ["prod/eu"] }, "teams.0.envs.0: is not an env name (letters, digits, '_' and '-', e.g. prod)"],
  ])("rejects %s, naming where it is", (_, change, problem) => {
    expect(problemsOf({ ...registry, teams: [{ ...registry.teams[0], ...change }] })).toEqual([problem]);
  });

  it("reports every problem at once, not the first only", () => {
    const problems = problemsOf({ platformTeam: "platform", teams: [{ stack: "central-ai", githubTeam: "@example-org/x", envs: [], owner: "x" }] });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/platformTeam/);
    expect(problems.join("\n")).toMatch(/envs/);
    expect(problems.join("\n")).toMatch(/owner/);
  });

  it("rejects a stack listed twice and an env listed twice", () => {
    const twice = { ...registry, teams: [...registry.teams, { ...registry.teams[1]!, envs: ["dev", "dev"] }] };
    expect(problemsOf(twice)).toEqual([
      "teams: stack data-scientists is listed more than once: one entry per stack, with all of its envs",
      "teams.2.envs: dev is listed more than once",
    ]);
  });

  it("rejects a team named like the prefix of another's, whose buckets its own would include", () => {
    const prefixed = { ...registry, teams: [...registry.teams, { stack: "data", githubTeam: "@example-org/ml-data", envs: ["dev"] }] };
    expect(problemsOf(prefixed)).toEqual(["teams: data is a prefix of data-scientists: data's buckets (data-*) would include data-scientists's; rename one"]);
    expect(() => addTeam(registry, { stack: "central", githubTeam: "@example-org/x", envs: ["dev"] })).toThrow(/central is a prefix of central-ai/);
  });

  it("names the file in the error", () => {
    expect(() => parseTeamsRegistry({}, "libs/team-stack/teams.json")).toThrow(/^libs\/team-stack\/teams\.json is invalid:\n {2}- platformTeam: /);
  });

  it("finds a stack's team, and says where to declare a stack that has none", () => {
    expect(teamOfStack(registry, "central-ai").githubTeam).toBe("@example-org/ml-central-ai");
    expect(() => teamOfStack(registry, "vision")).toThrow(/stack vision has no owner: add \{ "stack": "vision"/);
  });

  it("adds a team in stack order, and refuses one whose stack is taken", () => {
    const added = addTeam(registry, { stack: "computer-vision", githubTeam: "@example-org/ml-vision", envs: ["dev"] });
    expect(added.teams.map((team) => team.stack)).toEqual(["central-ai", "computer-vision", "data-scientists"]);
    expect(() => addTeam(registry, { stack: "central-ai", githubTeam: "@example-org/other", envs: ["dev"] })).toThrow(/listed more than once/);
  });

  it("removes a team, and refuses a stack it does not list", () => {
    expect(removeTeam(registry, "data-scientists").teams.map((team) => team.stack)).toEqual(["central-ai"]);
    expect(() => removeTeam(registry, "vision")).toThrow(/stack vision has no owner/);
  });

  it("reads the workspace's registry, which is written as the team generator would write it", () => {
    const workspace = readTeamsRegistry();
    expect(workspace.teams.length).toBeGreaterThan(0);
    expect(readFileSync(teamsRegistryFile, "utf8")).toBe(formatTeamsRegistry(workspace));
  });
});
