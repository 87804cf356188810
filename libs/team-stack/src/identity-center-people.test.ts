import { identityCenterPeopleProblems } from "./identity-center-people";

describe("the people of the identity stack's teams", () => {
  it("may each be in one team", () => {
    expect(identityCenterPeopleProblems({ "data-scientists": { users: ["ana@example.com"] }, "model-builders": { users: ["ben@example.com"] } })).toEqual([]);
  });

  it("may not be in two, which would give their sessions one team's tag in both", () => {
    expect(identityCenterPeopleProblems({ "data-scientists": { users: ["ana@example.com"] }, "model-builders": { users: ["ben@example.com", "ana@example.com"] } })).toEqual([
      { key: "identity:teams", problem: "ana@example.com is in data-scientists and model-builders: a person belongs to one team, whose name their sessions carry as the team tag" },
    ]);
  });
});
