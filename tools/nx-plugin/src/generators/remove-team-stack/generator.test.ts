import { logger, type Tree } from "@nx/devkit";
import { treeContents, workspaceTree } from "../testing";
import teamStackGenerator from "../team-stack/generator";
import removeTeamStackGenerator, { type RemoveTeamStackGeneratorSchema } from "./generator";

const read = (tree: Tree, path: string) => tree.read(path, "utf-8") ?? "";

/** What the operator does before removing a team: its people lose their permission sets in the identity stack. */
function dropFromIdentityConfig(tree: Tree, team: string): void {
  const file = "stacks/identity/Pulumi.org.yaml";
  const lines = read(tree, file).split("\n");
  const start = lines.indexOf(`    ${team}:`);
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith("      ")) end++;
  tree.write(file, [...lines.slice(0, start), ...lines.slice(end)].join("\n"));
}

/** The message of the error a generator run throws. */
function errorOf(tree: Tree, options: RemoveTeamStackGeneratorSchema): string {
  try {
    removeTeamStackGenerator(tree, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`removing ${JSON.stringify(options)} did not fail`);
}

describe("the remove-team-stack generator", () => {
  let tree: Tree;
  beforeEach(() => {
    tree = workspaceTree();
    jest.spyOn(logger, "info").mockImplementation(() => undefined);
  });

  it("leaves every file as it was before the team was generated", () => {
    const before = treeContents(tree);
    teamStackGenerator(tree, { name: "forecasting", persona: "model-builder", consumes: "data-scientists" });
    removeTeamStackGenerator(tree, { name: "forecasting", destroyed: true });
    expect(treeContents(tree)).toEqual(before);
  });

  it("takes out a hand-written stack: its folder, contract, index and registry lines, owner and CODEOWNERS line, and the identity stack's dependency", () => {
    dropFromIdentityConfig(tree, "distributed-ml");
    removeTeamStackGenerator(tree, { name: "distributed-ml", destroyed: true });
    expect(JSON.parse(read(tree, "stacks/identity/project.json")).implicitDependencies).toEqual(["central-ai", "data-scientists", "model-builders"]);
    expect(tree.exists("stacks/distributed-ml")).toBe(false);
    expect(tree.exists("libs/contracts/src/distributed-ml.ts")).toBe(false);
    for (const file of ["libs/contracts/src/index.ts", "libs/contracts/src/contract-registry.ts"]) expect(read(tree, file)).not.toContain("distributedMl");
    expect(read(tree, "libs/team-stack/teams.json")).not.toContain("distributed-ml");
    expect(read(tree, ".github/CODEOWNERS")).not.toContain("distributed-ml");
    expect(read(tree, "package-lock.json")).not.toContain("@ml-iam/distributed-ml");
  });

  describe("refuses, and writes nothing", () => {
    it.each<[string, RemoveTeamStackGeneratorSchema, string[]]>([
      [
        "without --destroyed, since it cannot see what is deployed",
        { name: "distributed-ml" },
        [
          "--destroyed is required: distributed-ml may still have resources in AWS, and there is no state backend here to check",
          "npx nx run distributed-ml:destroy --env=dev --confirm=distributed-ml/dev; npx nx run distributed-ml:destroy --env=prod --confirm=distributed-ml/prod",
        ],
      ],
      ["central-ai", { name: "central-ai", destroyed: true }, ["--name central-ai: central-ai holds the permissions boundary and shared policies of every team stack"]],
      [
        "a team whose people the identity stack still gives permission sets",
        { name: "distributed-ml", destroyed: true },
        ["--name distributed-ml: stacks/identity/Pulumi.org.yaml gives its people permission sets (identity:teams.distributed-ml): drop them there and deploy the identity stack first"],
      ],
      ["a team that does not exist", { name: "vision", destroyed: true }, ["--name vision: there is no team stack vision"]],
      ["a name that is not kebab-case", { name: "Vision", destroyed: true }, ['--name "Vision" must be kebab-case']],
    ])("%s", (_, options, problems) => {
      const before = treeContents(tree);
      const message = errorOf(tree, options);
      for (const problem of problems) expect(message).toContain(problem);
      expect(treeContents(tree)).toEqual(before);
    });

    it("a stack other stacks consume, naming them", () => {
      teamStackGenerator(tree, { name: "forecasting" });
      teamStackGenerator(tree, { name: "planning", consumes: "forecasting" });
      teamStackGenerator(tree, { name: "pricing", consumes: "forecasting" });
      const before = treeContents(tree);
      expect(errorOf(tree, { name: "forecasting", destroyed: true })).toContain(
        "--name forecasting: planning, pricing list forecasting in implicitDependencies: destroy and remove them first",
      );
      expect(treeContents(tree)).toEqual(before);
    });

    it("a stack whose contract other code imports, naming the files", () => {
      tree.write("libs/analysis/src/report.ts", 'import { distributedMl as producer } from "@ml-iam/contracts";\nexport const project = producer.project;\n');
      tree.write("tools/cli/src/stacks.ts", 'export { contracts, distributedMl } from "@ml-iam/contracts";\n');
      // Named, but not imported from the contracts lib: not a use.
      tree.write("tools/cli/src/note.ts", 'import { contracts } from "@ml-iam/contracts";\nexport const distributedMl = contracts["distributed-ml"];\n');
      expect(errorOf(tree, { name: "distributed-ml", destroyed: true })).toContain(
        "--name distributed-ml: libs/analysis/src/report.ts, tools/cli/src/stacks.ts use its contract `distributedMl`: change them first",
      );
    });
  });
});
