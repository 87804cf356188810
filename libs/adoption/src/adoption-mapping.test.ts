import { parseAdoptionMapping } from "./adoption-mapping";

describe("the mapping file", () => {
  it("maps existing URNs or ids to planned URNs", () => {
    const mapping = parseAdoptionMapping(JSON.stringify({ "old-role": "urn:pulumi:dev::team::aws:iam/role:Role::access" }), "mapping.json");
    expect(mapping.entries).toEqual([{ existing: "old-role", planned: "urn:pulumi:dev::team::aws:iam/role:Role::access" }]);
  });

  it.each<[string, string, string]>([
    ["not JSON", "{", "mapping.json: not JSON: "],
    ["a list", "[]", 'mapping.json: not a mapping: expected {"<existing urn or id>": "<planned urn>"}'],
    ["a value that is not a URN", JSON.stringify({ "old-role": "access" }), "mapping.json: old-role: must be the URN of a planned resource"],
    ["a value that is not a string", JSON.stringify({ "old-role": 1 }), "mapping.json: old-role: "],
  ])("rejects %s, naming the file and the key", (_case, json, message) => {
    expect(() => parseAdoptionMapping(json, "mapping.json")).toThrow(message);
  });
});
