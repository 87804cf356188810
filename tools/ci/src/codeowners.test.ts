import { readTeamsRegistry } from "@ml-iam/team-stack";
import { listWorkspaceStacks } from "@ml-iam/plan";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { codeownersPath, renderCodeowners } from "./codeowners";

const root = join(__dirname, "../../..");
const registry = readTeamsRegistry();

/** The owners GitHub would request for a path: the last matching line wins. */
function ownersOf(codeowners: string, path: string): string[] {
  let owners: string[] = [];
  for (const line of codeowners.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const [pattern, ...names] = line.trim().split(/\s+/);
    const matches = pattern === "*" || (pattern!.endsWith("/") && `/${path}`.startsWith(pattern!));
    if (matches) owners = names;
  }
  return owners;
}

describe("CODEOWNERS", () => {
  const codeowners = renderCodeowners({
    platformTeam: "@example-org/ml-platform",
    teams: [
      { stack: "model-builders", githubTeam: "@example-org/ml-model-builders", envs: ["dev"] },
      { stack: "central-ai", githubTeam: "@example-org/ml-central-ai", envs: ["dev"] },
    ],
  });

  it.each([
    ["stacks/model-builders/src/index.ts", "@example-org/ml-model-builders"],
    ["stacks/central-ai/Pulumi.prod.yaml", "@example-org/ml-central-ai"],
    ["libs/team-stack/teams.json", "@example-org/ml-platform"],
    ["tools/ci/src/codeowners.ts", "@example-org/ml-platform"],
    [".github/workflows/deploy.yml", "@example-org/ml-platform"],
    ["package.json", "@example-org/ml-platform"],
    ["stacks/a-new-stack/src/index.ts", "@example-org/ml-platform"],
  ])("gives %s to %s", (path, owner) => {
    expect(ownersOf(codeowners, path)).toEqual([owner]);
  });

  it("lists the stacks by name and says it is generated", () => {
    const lines = codeowners.split("\n");
    expect(lines[0]).toMatch(/^# Generated from libs\/team-stack\/teams\.json/);
    expect(lines.filter((line) => line.startsWith("/stacks/")).map((line) => line.split(/\s+/)[0])).toEqual([
      "/stacks/central-ai/",
      "/stacks/model-builders/",
    ]);
  });

  it("is committed as the teams registry generates it (run `npx nx run ci:codeowners` when this fails)", () => {
    const file = join(root, codeownersPath);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(renderCodeowners(registry));
  });
});

describe("the teams registry", () => {
  const stacks = listWorkspaceStacks(root);

  it("lists exactly the stacks under stacks/", () => {
    expect(registry.teams.map((team) => team.stack).sort()).toEqual(stacks.map((stack) => stack.name).sort());
  });

  it.each(stacks.map((stack) => [stack.name, stack.envs] as const))("gives %s exactly the envs it has a Pulumi.<env>.yaml for", (name, envs) => {
    expect([...registry.teams.find((team) => team.stack === name)!.envs].sort()).toEqual(envs);
  });
});
