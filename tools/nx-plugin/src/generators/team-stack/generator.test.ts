import type { Tree } from "@nx/devkit";
import { personas } from "@ml-iam/iam";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { workspaceRoot } from "../../testing";
import { treeContents, workspaceTree } from "../testing";
import teamStackGenerator, { accessPersonas, executionPersonas, generatedStackWorkflows, type TeamStackGeneratorSchema } from "./generator";

const read = (tree: Tree, path: string) => tree.read(path, "utf-8") ?? "";
const readJson = <T>(tree: Tree, path: string) => JSON.parse(read(tree, path)) as T;
const configOf = (tree: Tree, team: string, env: string) => (parse(read(tree, `stacks/${team}/Pulumi.${env}.yaml`)) as { config: Record<string, unknown> }).config;

/** The message of the error a generator run throws. */
function errorOf(tree: Tree, options: TeamStackGeneratorSchema): string {
  try {
    teamStackGenerator(tree, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`generating ${JSON.stringify(options)} did not fail`);
}

describe("the team-stack generator", () => {
  let tree: Tree;
  beforeEach(() => {
    tree = workspaceTree();
  });

  it("writes a Pulumi project with the files of every other stack", () => {
    teamStackGenerator(tree, { name: "vision" });
    expect(tree.children("stacks/vision").sort()).toEqual(["Pulumi.dev.yaml", "Pulumi.prod.yaml", "Pulumi.yaml", "package.json", "project.json", "src", "tsconfig.json"]);
    expect(tree.children("stacks/vision/src").sort()).toEqual(["index.test.ts", "index.ts", "workflows.ts"]);
    expect(parse(read(tree, "stacks/vision/Pulumi.yaml"))).toMatchObject({ name: "vision", main: "src/index.ts" });
    expect(readJson(tree, "stacks/vision/package.json")).toMatchObject({ name: "@ml-iam/vision", main: "src/index.ts" });
    expect(read(tree, "stacks/vision/tsconfig.json")).toBe(
      readFileSync(join(workspaceRoot, "stacks/data-scientists/tsconfig.json"), "utf8").replace("stacks/data-scientists", "stacks/vision"),
    );
  });

  it("makes it an Nx project tagged for its team, after central-ai, with every target of the data scientists' stack", () => {
    teamStackGenerator(tree, { name: "vision" });
    const project = readJson<Record<string, unknown>>(tree, "stacks/vision/project.json");
    const dataScientists = readJson<Record<string, unknown>>(tree, "stacks/data-scientists/project.json");
    expect(project).toMatchObject({ name: "vision", projectType: "application", tags: ["type:stack", "scope:vision"], implicitDependencies: ["central-ai"] });
    expect(project.targets).toEqual(dataScientists.targets);
    expect(read(tree, "stacks/vision/project.json")).toContain('"tags": ["type:stack", "scope:vision"]');
  });

  it("lists the stacks given with --consumes as upstream, central-ai always among them", () => {
    teamStackGenerator(tree, { name: "vision", consumes: "model-builders, data-scientists" });
    expect(readJson<{ implicitDependencies: string[] }>(tree, "stacks/vision/project.json").implicitDependencies).toEqual([
      "central-ai",
      "data-scientists",
      "model-builders",
    ]);
  });

  it("configures each env in central-ai's account and region, tagged, with buckets named for the team and no members yet", () => {
    teamStackGenerator(tree, { name: "vision" });
    for (const [env, account] of [["dev", "111111111111"], ["prod", "222222222222"]] as const) {
      expect(configOf(tree, "vision", env)).toEqual({
        "aws:region": "us-east-1",
        "aws:allowedAccountIds": [account],
        "aws:defaultTags": { tags: { team: "vision", env, repository: "example-org/ml-iam-platform" } },
        "vision:repository": "example-org/ml-iam-platform",
        "vision:datasetBuckets": [`vision-datasets-${env}`],
        "vision:artifactBuckets": [`vision-artifacts-${env}`],
        "vision:ecrRepositories": ["vision/training"],
        "vision:members": [],
        "vision:pgpKeys": {},
      });
    }
  });

  it("gives people the data-scientist persona by default, and SageMaker the sagemaker-compute persona", () => {
    teamStackGenerator(tree, { name: "vision" });
    const program = read(tree, "stacks/vision/src/index.ts");
    expect(program).toContain('personas["data-scientist"](team, resources).access');
    expect(program).toContain('personas["sagemaker-compute"](team, resources).job');
    expect(program).toContain("permissionsBoundaryArn: central.permissionsBoundaryArn");
    expect(program).toContain("export = vision.outputs({");
    expect(program).toContain("studioDomainId: z.string()");
    expect(program).not.toMatch(/<%|%>/);
  });

  it("declares its persona's workflows, less those that need a role it does not generate, and the never-workflows of every team", () => {
    teamStackGenerator(tree, { name: "vision" });
    const workflows = read(tree, "stacks/vision/src/workflows.ts");
    expect(workflows).toContain("export default teamWorkflows(vision, {");
    expect(workflows).toContain('actors: { person: "accessRoleArn", job: "executionRoleArn", model: "executionRoleArn" }');
    expect(workflows).toContain('must: ["train-from-laptop", "training-job-runs", "register-model", "deploy-model", "read-shared-datasets"]');
    expect(workflows).toContain('never: ["never-cross-teams", "never-write-shared-datasets", "never-read-deploy-state"]');
    expect(generatedStackWorkflows("model-builder").must).toEqual(["train-from-laptop", "training-job-runs", "push-image", "register-model", "deploy-model", "read-shared-datasets"]);
    teamStackGenerator(tree, { name: "reviewers", persona: "read-only-ml-user" });
    expect(read(tree, "stacks/reviewers/src/workflows.ts")).toContain('never: ["never-change-ml-resources", "never-cross-teams"');
  });

  it.each([
    ["model-builder", "ecrRepositories", ["vision/training"], "models-and-endpoints", "lets people pass exactly the execution role"],
    ["read-only-ml-user", "members", [], "view", "lets people pass no role, and change no SageMaker resource"],
  ])("gives people the %s persona when asked, with the config and tests that persona needs", (persona, configKey, configValue, teamPolicy, test) => {
    teamStackGenerator(tree, { name: "vision", persona });
    const program = read(tree, "stacks/vision/src/index.ts");
    expect(program).toContain(`personas["${persona}"](team, resources).access`);
    expect(program).toContain(`accessPolicies.get("${teamPolicy}")!.arn`);
    expect(program).not.toContain("studioDomainId");
    expect(configOf(tree, "vision", "dev")).toHaveProperty(`vision:${configKey}`, configValue);
    const tests = read(tree, "stacks/vision/src/index.test.ts");
    expect(tests).toContain(`it("${test}`);
    expect(tests).toContain(`policy/ml/vision/vision-${teamPolicy}`);
  });

  it("writes the stack's contract: accessRoleArn, executionRoleArn, policyArn and groupName", () => {
    teamStackGenerator(tree, { name: "computer-vision" });
    const contract = read(tree, "libs/contracts/src/computer-vision.ts");
    expect(contract).toContain('export const computerVision = defineStackContract(\n  "computer-vision",');
    for (const output of ["accessRoleArn: arnSchema", "executionRoleArn: arnSchema", "policyArn: arnSchema", "groupName: z.string()"]) expect(contract).toContain(output);
    expect(contract).toContain("export type ComputerVisionOutputs = z.infer<typeof computerVision.schema>;");
  });

  it("lists the contract in the contracts lib's index and registry, each line in order", () => {
    teamStackGenerator(tree, { name: "forecasting" });
    const index = read(tree, "libs/contracts/src/index.ts");
    expect(index).toContain(
      'export { distributedMl, type DistributedMlOutputs } from "./distributed-ml";\nexport { forecasting, type ForecastingOutputs } from "./forecasting";\nexport { identity',
    );
    const registry = read(tree, "libs/contracts/src/contract-registry.ts");
    expect(registry).toContain('import { distributedMl } from "./distributed-ml";\nimport { forecasting } from "./forecasting";\n');
    expect(registry).toContain("  [distributedMl.project]: distributedMl,\n  [forecasting.project]: forecasting,\n  [identity.project]: identity,\n");
  });

  it("adds the owner to the teams registry, in stack order, with central-ai's envs, and CODEOWNERS from it", () => {
    const stacksOf = () => readJson<{ teams: { stack: string }[] }>(tree, "libs/team-stack/teams.json").teams.map((team) => team.stack);
    const before = stacksOf();
    teamStackGenerator(tree, { name: "forecasting" });
    const registry = readJson<{ teams: { stack: string; githubTeam: string; envs: string[] }[] }>(tree, "libs/team-stack/teams.json");
    expect(stacksOf()).toEqual([...before, "forecasting"].sort());
    expect(registry.teams.find((team) => team.stack === "forecasting")).toEqual({ stack: "forecasting", githubTeam: "@example-org/ml-forecasting", envs: ["dev", "prod"] });
    const owned = read(tree, ".github/CODEOWNERS").split("\n").filter((line) => line.startsWith("/stacks/"));
    expect(owned).toEqual(expect.arrayContaining([expect.stringMatching(/^\/stacks\/forecasting\/ +@example-org\/ml-forecasting$/)]));
    expect(owned).toEqual([...owned].sort());
  });

  it("takes the owner from --owner", () => {
    teamStackGenerator(tree, { name: "forecasting", owner: "@acme/forecasters" });
    expect(read(tree, ".github/CODEOWNERS")).toMatch(/^\/stacks\/forecasting\/ +@acme\/forecasters$/m);
  });

  it("lists the stack's package in the lockfile as npm would, so that npm ci accepts the workspace", () => {
    const before = readJson<{ packages: Record<string, unknown> }>(tree, "package-lock.json");
    teamStackGenerator(tree, { name: "vision" });
    const after = readJson<{ packages: Record<string, unknown> }>(tree, "package-lock.json");
    expect(after.packages["stacks/vision"]).toEqual({ name: "@ml-iam/vision", version: "0.0.0" });
    expect(after.packages["node_modules/@ml-iam/vision"]).toEqual({ resolved: "stacks/vision", link: true });
    expect(Object.keys(after.packages).filter((key) => !key.endsWith("/vision"))).toEqual(Object.keys(before.packages));
  });

  it("lists the stack in the solution tsconfig, in order, so that tsc -b and nx sync find it", () => {
    teamStackGenerator(tree, { name: "vision" });
    const references = readJson<{ references: { path: string }[] }>(tree, "tsconfig.json").references.map((reference) => reference.path);
    expect(references).toContain("./stacks/vision");
    expect(references).toEqual([...references].sort((a, b) => a.localeCompare(b, "en")));
  });

  describe("refuses, naming the option, and writes nothing", () => {
    it.each<[string, TeamStackGeneratorSchema, string]>([
      ["a name that is not kebab-case", { name: "DataScience" }, '--name "DataScience" must be kebab-case (e.g. data-scientists)'],
      ["a name too long for IAM", { name: "a".repeat(33) }, `--name ${"a".repeat(33)} is 33 characters; at most 32`],
      ["a name whose contract would be a keyword", { name: "class" }, "--name class: its contract would be exported as `class`, a TypeScript keyword"],
      ["a name the contracts lib uses", { name: "arn-schema" }, "--name arn-schema: libs/contracts/src/arn-schema.ts already exists"],
      ["a name the generated program uses", { name: "group" }, "--name group: its contract would be imported as `group`, a name the generated files already use"],
      ["a stack that exists", { name: "data-scientists" }, "--name data-scientists: stacks/data-scientists already exists"],
      ["a stack the registry lists", { name: "data-scientists" }, "--name data-scientists: libs/team-stack/teams.json already lists stack data-scientists"],
      ["an unknown persona", { name: "vision", persona: "wizard" }, '--persona "wizard" is not a persona: choose one of data-scientist, model-builder, read-only-ml-user'],
      ["the execution persona", { name: "vision", persona: "sagemaker-compute" }, "--persona sagemaker-compute configures only the execution role"],
      ["a producer that does not exist", { name: "vision", consumes: ["central-ai", "nowhere"] }, "--consumes nowhere: there is no stack nowhere"],
      ["a name another Nx project has", { name: "analysis" }, "--name analysis: Nx project analysis already exists (libs/analysis); choose another name"],
      ["a producer that is a path", { name: "vision", consumes: "../libs/iam" }, '--consumes "../libs/iam" must be kebab-case (e.g. data-scientists)'],
      ["a producer that is a project but not a stack", { name: "vision", consumes: "analysis" }, "--consumes analysis: Nx project analysis is at libs/analysis, not a stack under stacks/"],
      ["an owner that is not a GitHub team", { name: "vision", owner: "vision-team" }, '--owner "vision-team" is not a GitHub team handle'],
    ])("%s", (_, options, problem) => {
      const before = treeContents(tree);
      expect(errorOf(tree, options)).toContain(problem);
      expect(treeContents(tree)).toEqual(before);
    });

    it("a team only the registry lists", () => {
      tree.write("libs/team-stack/teams.json", read(tree, "libs/team-stack/teams.json").replace('"stack": "model-builders"', '"stack": "vision"'));
      expect(errorOf(tree, { name: "vision" })).toContain("--name vision: libs/team-stack/teams.json already lists stack vision");
    });

    it("every problem at once", () => {
      const message = errorOf(tree, { name: "Vision", persona: "wizard", owner: "nobody", consumes: "nowhere,../libs/iam,iam" });
      expect(message.split("\n")).toEqual([
        "cannot generate team stack Vision:",
        '  - --name "Vision" must be kebab-case (e.g. data-scientists)',
        expect.stringContaining('  - --persona "wizard"'),
        expect.stringContaining("  - --consumes nowhere"),
        expect.stringContaining('  - --consumes "../libs/iam"'),
        expect.stringContaining("  - --consumes iam: Nx project iam is at libs/iam"),
        expect.stringContaining('  - --owner "nobody"'),
      ]);
    });
  });

  it("offers every persona of libs/iam, for the access role or the execution role", () => {
    expect([...Object.keys(accessPersonas), ...executionPersonas].sort()).toEqual(Object.keys(personas).sort());
  });
});
