import { teamNamePrefix } from "./activity-context";

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };

describe("teamNamePrefix", () => {
  it.each(["ds", "data-scientists", "team-2", "a".repeat(32)])("matches the resources of team %s by the prefix `${team}-*`", (team) => {
    expect(teamNamePrefix({ scope, team })).toBe(`${team}-*`);
  });

  it.each(["", "DS", "ds_", "-ds", "ds-", "d--s", "ds*", "team/a", "a".repeat(33)])(
    "rejects %j, which cannot prefix S3, ECR and SageMaker names alike",
    (team) => {
      expect(() => teamNamePrefix({ scope, team })).toThrow(/must be kebab-case|must be at most 32 characters/);
    },
  );
});
