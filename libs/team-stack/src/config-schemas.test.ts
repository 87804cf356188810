import { bucketName, iamUserName, teamName } from "./config-schemas";

describe("config value schemas", () => {
  it.each([
    ["ml-datasets", true],
    ["ai.datasets.2024", true],
    ["ML-Datasets", false],
    ["ab", false],
    ["-leading", false],
    ["double..dot", false],
  ])("bucket name %s valid: %s", (name, valid) => {
    expect(bucketName.safeParse(name).success).toBe(valid);
  });

  it.each([
    ["alice.smith", true],
    ["bob+ml@example.com", true],
    ["has space", false],
    ["x".repeat(65), false],
  ])("IAM user name %s valid: %s", (name, valid) => {
    expect(iamUserName.safeParse(name).success).toBe(valid);
  });

  it.each([
    ["data-scientists", true],
    ["Data-Scientists", false],
    ["trailing-", false],
  ])("team name %s valid: %s", (name, valid) => {
    expect(teamName.safeParse(name).success).toBe(valid);
  });

  it("explains what is wrong with a bad user name", () => {
    const result = iamUserName.safeParse("bad user!");
    expect(result.success ? "" : result.error.issues[0]?.message).toBe(
      "is not a valid IAM user name (1-64 of letters, digits and +=,.@_-)",
    );
  });
});
