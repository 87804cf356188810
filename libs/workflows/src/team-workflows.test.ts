import { dataScientists } from "@ml-iam/contracts";
import { parseTeamWorkflows, teamWorkflows } from "./team-workflows";

describe("a team's declared workflows", () => {
  it("keep the stack, the outputs each actor runs as, and the lists, with a single output as a list of one", () => {
    const declared = teamWorkflows(dataScientists, {
      actors: { person: "accessRoleArn", job: ["jobRoleArn"] },
      must: ["train-from-laptop"],
      never: ["never-cross-teams"],
    });
    expect(declared).toEqual({
      project: "data-scientists",
      actors: { person: ["accessRoleArn"], job: ["jobRoleArn"] },
      must: ["train-from-laptop"],
      never: ["never-cross-teams"],
      policies: [],
    });
    expect(parseTeamWorkflows({ default: declared }, "stacks/data-scientists/src/workflows.ts")).toEqual(declared);
  });

  it.each<[string, unknown, RegExp]>([
    ["a module without a default export", {}, /stacks\/x\/src\/workflows\.ts: the default export must be teamWorkflows\(\.\.\.\): project:/],
    ["an actor that is no actor", { default: { project: "x", actors: { robot: ["a"] }, must: [], never: [], policies: [] } }, /actors: Unrecognized key: "robot"/],
    ["workflows that are not names", { default: { project: "x", actors: {}, must: [1], never: [], policies: [] } }, /must\.0/],
  ])("refuse %s, naming the file and the field", (_case, exported, message) => {
    expect(() => parseTeamWorkflows(exported, "stacks/x/src/workflows.ts")).toThrow(message);
  });
});
