import { readFileSync } from "node:fs";
import { join } from "node:path";
import { declaredStacks, runNxOrFail, workspaceRoot } from "@ml-iam/tools/src/testing";
import { scaledWorkspace, type ScaledWorkspace } from "./scaled-workspace";

const ownStacks = declaredStacks(workspaceRoot).map((stack) => stack.name);

describe("a scaled copy of the workspace", () => {
  let workspace: ScaledWorkspace;
  beforeAll(() => {
    workspace = scaledWorkspace(ownStacks.length + 3);
  });
  afterAll(() => workspace.remove());

  const generated = () => workspace.stacks.filter((stack) => !ownStacks.includes(stack));

  it("holds the repository's stacks and generated teams up to the count asked for, each an Nx project after central-ai", () => {
    expect(workspace.stacks).toEqual(expect.arrayContaining(ownStacks));
    expect(generated()).toHaveLength(3);
    for (const team of generated()) expect(team).toMatch(/^team-\d{3}$/);
    const graph = JSON.parse(runNxOrFail(workspace.root, ["graph", "--file=stdout"])) as { graph: { dependencies: Record<string, { target: string }[]> } };
    for (const team of generated()) {
      expect(graph.graph.dependencies[team]?.map((dependency) => dependency.target)).toContain("central-ai");
    }
  }, 60_000);

  it("gives the generated teams each access persona in turn and registers them for the central stack", () => {
    const persona = (team: string) => /\((\S+) persona\)/.exec(readFileSync(join(workspace.root, "stacks", team, "Pulumi.yaml"), "utf8"))?.[1];
    expect(generated().map(persona)).toEqual(["data-scientist", "model-builder", "read-only-ml-user"]);
    const registry = JSON.parse(readFileSync(join(workspace.root, "libs/team-stack/teams.json"), "utf8")) as { teams: { stack: string }[] };
    expect(registry.teams.map((team) => team.stack)).toEqual(expect.arrayContaining(generated()));
  });

  it("starts with nothing uncommitted, so that the first change is all nx affected sees", () => {
    expect(JSON.parse(runNxOrFail(workspace.root, ["show", "projects", "--affected", "--base=HEAD", "--json"]))).toEqual([]);
  }, 60_000);

  it("refuses fewer stacks than the repository has", () => {
    const own = ownStacks.length;
    expect(() => scaledWorkspace(own - 1)).toThrow(`a scaled workspace has at least the repository's ${own} stacks, not ${own - 1}`);
  });
});
