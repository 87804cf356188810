import { listWorkspaceStacks, readStackWorkflows } from "@ml-iam/plan";
import type { TeamWorkflows } from "@ml-iam/workflows";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderTeamCapabilities, replaceTeamCapabilities, teamCapabilitiesMarkers } from "./team-capabilities";

const root = join(__dirname, "../../..");
const declared = (workflows: Partial<TeamWorkflows>): TeamWorkflows => ({ project: "vision", actors: {}, must: [], never: [], policies: [], ...workflows });

describe("the README's section on what each team can do", () => {
  const vision = declared({
    actors: { person: ["accessRoleArn", "permissionSetArn"], job: ["jobRoleArn"] },
    must: ["train-from-laptop"],
    never: ["never-cross-teams"],
    policies: [{ policy: "readOnlyPolicyArn", must: ["view-ml-resources"], never: ["never-change-ml-resources"] }],
  });
  const section = renderTeamCapabilities([{ stack: "vision", workflows: vision }]);

  it("lists each declared workflow by its catalog title, allowed or denied, and who holds it", () => {
    const rows = section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| held by") && !line.startsWith("| ---"));
    expect(rows).toEqual([
      "| the team | allowed | Upload code and start a training job from a laptop; follow it | `train-from-laptop` |",
      expect.stringMatching(/^\| the team \| denied \| Never touch another team's .* \| `never-cross-teams` \|$/),
      expect.stringMatching(/^\| `readOnlyPolicyArn` alone \| allowed \| .* \| `view-ml-resources` \|$/),
      expect.stringMatching(/^\| `readOnlyPolicyArn` alone \| denied \| .* \| `never-change-ml-resources` \|$/),
    ]);
  });

  it("names the outputs each actor runs as and the file that declares them", () => {
    expect(section).toContain("**vision** (person as `accessRoleArn`, `permissionSetArn`; job as `jobRoleArn`), from `stacks/vision/src/workflows.ts`:");
  });

  it("says so when a stack declares no workflows", () => {
    expect(renderTeamCapabilities([{ stack: "legacy", workflows: undefined }])).toContain("**legacy** declares no workflows");
  });

  it("names the unknown workflow a declaration misspells", () => {
    expect(() => renderTeamCapabilities([{ stack: "vision", workflows: declared({ must: ["train-from-laptp"] }) }])).toThrow(/unknown workflow "train-from-laptp"/);
  });

  it("replaces only what lies between its markers", () => {
    const readme = `# Title\n\nintro\n\n${teamCapabilitiesMarkers.start}\nold\n${teamCapabilitiesMarkers.end}\n\n## Next\n`;
    expect(replaceTeamCapabilities(readme, section)).toBe(`# Title\n\nintro\n\n${section}\n\n## Next\n`);
  });

  it("refuses a README without its markers, naming the file", () => {
    expect(() => replaceTeamCapabilities("# Title\n", section, "docs/README.md")).toThrow(/docs\/README\.md: the team capabilities markers are missing/);
    expect(() => replaceTeamCapabilities(`${teamCapabilitiesMarkers.end}\n${teamCapabilitiesMarkers.start}`, section)).toThrow(/out of order/);
  });

  it("is committed as the stacks' workflows.ts generate it (run `npx nx run ci:readme` when this fails)", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const stacks = listWorkspaceStacks(root).map((stack) => ({ stack: stack.name, workflows: readStackWorkflows(stack, root) }));
    expect(stacks.length).toBeGreaterThan(0);
    expect(readme).toBe(replaceTeamCapabilities(readme, renderTeamCapabilities(stacks)));
  });
});
