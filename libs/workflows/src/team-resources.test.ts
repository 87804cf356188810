import { sampleConfig, sampleTeam } from "./testing";
import { MissingWorkflowInputError } from "./team-resources";

describe("a team's resources as workflows read them", () => {
  it("reads lists and values from the stack's config by the keys every team uses", () => {
    const team = sampleTeam();
    expect(team.list("datasetBuckets")).toEqual(["vision-datasets-dev"]);
    expect(team.first("ecrRepositories")).toBe("vision/training");
    expect(team.value("studioDomainId")).toBe("d-sample1234");
    expect(team.optionalList("launchTemplateIds")).toEqual(["lt-0a1b2c3d4e5f60001"]);
  });

  it.each<[string, (team: ReturnType<typeof sampleTeam>) => unknown, string]>([
    ["an empty list", (team) => team.list("imageIds"), "imageIds must list at least one value"],
    ["a missing value", (team) => team.value("studioDomainId"), "studioDomainId must be set"],
    ["a value that is no list", (team) => team.optionalList("studioDomainId"), "studioDomainId must be a list of strings"],
    ["no people", (team) => team.people(), "members must name at least one person"],
  ])("names the key when %s is asked for", (_case, read, message) => {
    const team = sampleTeam({ config: { imageIds: [], members: [], studioDomainId: undefined } });
    const bad = sampleTeam({ config: { ...sampleConfig, studioDomainId: undefined } });
    const subject = message.startsWith("studioDomainId must be a list") ? sampleTeam() : message.startsWith("studioDomainId") ? bad : team;
    expect(() => read(subject)).toThrow(new MissingWorkflowInputError(message.split(" ")[0]!, message.split(" ").slice(1).join(" ")));
  });

  it("names the team's resources by its convention, <team>-<purpose>", () => {
    expect(sampleTeam().name("train-resnet")).toBe("vision-train-resnet");
  });

  it("lists one actor per role, so a model that runs as the job role is not decided twice", () => {
    expect(sampleTeam().actors()).toEqual(["person", "user", "studio", "job", "pipeline", "instance"]);
    expect(sampleTeam().actors(["person", "model"])).toEqual(["person", "model"]);
  });

  it("picks two other teams of the env, the ones after it in name order, wrapping, or a stand-in when there is none", () => {
    const withTeams = (teams: string[]) => sampleTeam({ central: { ...sampleTeam().central, teams } }).otherTeams();
    expect(withTeams(["ads", "vision", "web", "zoo"])).toEqual(["web", "zoo"]);
    expect(withTeams(["ads", "search", "vision"])).toEqual(["ads", "search"]);
    expect(withTeams(["vision"])).toEqual(["another-team"]);
  });
});
