import {
  formatGithubOutputs,
  previewRoleVariable,
  stacksOfProjectGraph,
  stackWaves,
  waveMatrices,
  waveOutputs,
  type ProjectGraphLike,
  type StackNode,
} from "./affected-waves";

/** A project graph as `nx graph --file` writes it: projects with tags, and edges by source. */
function projectGraph(projects: Record<string, { tags: string[]; dependsOn?: string[] }>): ProjectGraphLike {
  return {
    nodes: Object.fromEntries(Object.entries(projects).map(([name, { tags }]) => [name, { name, data: { tags } }])),
    dependencies: Object.fromEntries(
      Object.entries(projects).map(([name, { dependsOn = [] }]) => [name, dependsOn.map((target) => ({ source: name, target, type: "static" }))]),
    ),
  };
}

const stack = ["type:stack"];
const lib = ["type:lib"];

// central-ai and three consumers, reading it by implicit dependency and sharing libs, as in the workspace.
const workspace = projectGraph({
  iam: { tags: lib },
  "team-stack": { tags: lib, dependsOn: ["iam"] },
  "central-ai": { tags: stack, dependsOn: ["iam", "team-stack"] },
  "data-scientists": { tags: stack, dependsOn: ["central-ai", "team-stack"] },
  "distributed-ml": { tags: stack, dependsOn: ["central-ai", "team-stack"] },
  "model-builders": { tags: stack, dependsOn: ["central-ai", "team-stack", "npm:@pulumi/aws"] },
  cli: { tags: ["type:tool"], dependsOn: ["iam"] },
});
const stacks = stacksOfProjectGraph(workspace);
const consumers = ["data-scientists", "distributed-ml", "model-builders"];

describe("stacks of a project graph", () => {
  it("keeps the projects tagged type:stack, each with the stacks it reads", () => {
    expect(stacks).toEqual([
      { name: "central-ai", upstream: [] },
      { name: "data-scientists", upstream: ["central-ai"] },
      { name: "distributed-ml", upstream: ["central-ai"] },
      { name: "model-builders", upstream: ["central-ai"] },
    ]);
  });

  it("follows edges through projects that are not stacks", () => {
    const graph = projectGraph({
      producer: { tags: stack },
      bridge: { tags: lib, dependsOn: ["producer"] },
      consumer: { tags: stack, dependsOn: ["bridge"] },
    });
    expect(stacksOfProjectGraph(graph)).toContainEqual({ name: "consumer", upstream: ["producer"] });
  });

  it("rejects a stack whose name could not be a job name or shell word", () => {
    expect(() => stacksOfProjectGraph(projectGraph({ "x;rm": { tags: stack } }))).toThrow(/"x;rm" is not kebab-case/);
  });
});

describe("stack waves", () => {
  it.each<[string, string[], string[][]]>([
    ["a change to central-ai deploys it, then its three consumers", ["central-ai", ...consumers], [["central-ai"], consumers]],
    ["a change to only distributed-ml deploys it alone", ["distributed-ml"], [["distributed-ml"]]],
    ["a change to two consumers deploys them side by side", ["model-builders", "data-scientists"], [["data-scientists", "model-builders"]]],
    ["libs and tools among the affected projects are left out", ["iam", "team-stack", "cli", "distributed-ml"], [["distributed-ml"]]],
    ["no affected stack, no wave", ["cli"], []],
  ])("%s", (_, affected, expected) => {
    expect(stackWaves(stacks, affected).map((wave) => wave.stacks)).toEqual(expected);
  });

  it("numbers the waves from 0", () => {
    expect(stackWaves(stacks, ["central-ai", "distributed-ml"])).toEqual([
      { wave: 0, stacks: ["central-ai"] },
      { wave: 1, stacks: ["distributed-ml"] },
    ]);
  });

  it("orders stacks linked through an unaffected stack", () => {
    const chain: StackNode[] = [
      { name: "a", upstream: [] },
      { name: "b", upstream: ["a"] },
      { name: "c", upstream: ["b"] },
    ];
    expect(stackWaves(chain, ["a", "c"]).map((wave) => wave.stacks)).toEqual([["a"], ["c"]]);
    expect(stackWaves(chain, ["a", "b", "c"]).map((wave) => wave.stacks)).toEqual([["a"], ["b"], ["c"]]);
  });

  it("rejects a cycle, naming the stacks in it", () => {
    const cyclic: StackNode[] = [
      { name: "central-ai", upstream: [] },
      { name: "a", upstream: ["central-ai", "c"] },
      { name: "b", upstream: ["a"] },
      { name: "c", upstream: ["b"] },
    ];
    expect(() => stackWaves(cyclic, ["central-ai"])).toThrow("the stacks depend on each other in a cycle, so none can deploy first: a → c → b → a");
  });

  it("rejects a stack that reads itself", () => {
    expect(() => stackWaves([{ name: "a", upstream: ["a"] }], ["a"])).toThrow(/cycle.*a → a/);
  });
});

describe("wave matrices and outputs", () => {
  const envs = (stackName: string) => (stackName === "model-builders" ? ["prod"] : ["dev", "prod"]);

  it("names the repository variable of each stack's preview role per env", () => {
    expect(previewRoleVariable("data-scientists", "prod")).toBe("PREVIEW_ROLE_ARN_DATA_SCIENTISTS_PROD");
  });

  it("gives every stack a job per env, or per env asked for", () => {
    const waves = stackWaves(stacks, ["central-ai", "model-builders"]);
    expect(waveMatrices(waves, envs).map((matrix) => matrix.include.map((job) => `${job.stack}/${job.env}`))).toEqual([
      ["central-ai/dev", "central-ai/prod"],
      ["model-builders/prod"],
    ]);
    expect(waveMatrices(waves, envs, ["dev"])[1]!.include).toEqual([]);
  });

  it("writes one output per wave job, empty waves as [], and every job in matrix", () => {
    const matrices = waveMatrices(stackWaves(stacks, ["central-ai", "data-scientists"]), envs, ["prod"]);
    const outputs = waveOutputs(matrices, 3);
    expect(Object.keys(outputs)).toEqual(["wave0", "wave1", "wave2", "matrix", "count"]);
    expect(JSON.parse(outputs.wave0!)).toEqual([{ stack: "central-ai", env: "prod", previewRoleVariable: "PREVIEW_ROLE_ARN_CENTRAL_AI_PROD" }]);
    expect(JSON.parse(outputs.wave1!)).toEqual([{ stack: "data-scientists", env: "prod", previewRoleVariable: "PREVIEW_ROLE_ARN_DATA_SCIENTISTS_PROD" }]);
    expect(outputs.wave2).toBe("[]");
    expect(JSON.parse(outputs.matrix!)).toHaveLength(2);
    expect(outputs.count).toBe("2");
  });

  it("moves waves up past a wave the env filter emptied", () => {
    const matrices = waveMatrices(stackWaves(stacks, ["central-ai", "data-scientists"]), (name) => (name === "central-ai" ? ["prod"] : ["dev"]), ["dev"]);
    const outputs = waveOutputs(matrices, 3);
    expect(JSON.parse(outputs.wave0!).map((job: { stack: string }) => job.stack)).toEqual(["data-scientists"]);
    expect(outputs.wave1).toBe("[]");
  });

  it("refuses more waves than the workflows have jobs for, rather than drop stacks", () => {
    const chain: StackNode[] = ["a", "b", "c", "d"].map((name, index, names) => ({ name, upstream: index === 0 ? [] : [names[index - 1]!] }));
    const matrices = waveMatrices(stackWaves(chain, ["a", "b", "c", "d"]), () => ["dev"]);
    expect(() => waveOutputs(matrices, 3)).toThrow("the affected stacks need 4 waves but the workflows have 3 wave jobs");
  });

  it("formats outputs as GITHUB_OUTPUT lines", () => {
    expect(formatGithubOutputs({ wave0: "[]", count: "0" })).toBe("wave0=[]\ncount=0\n");
  });
});
