import { bucketName, iamUserName, teamName } from "./config-schemas";

describe("config value schemas", () => {
  it.each([
    ["ml-datasets", true],
    ["ai.datasets.2024", true],
    ["ML-Datasets", false],
    ["ab", false],
    ["-leading", false],
    ["double..dot", false],
    ["192.168.10.20", false],
    ["10.0.0.1.data", true],
    ["xn--datasets", false],
    ["sthree-datasets", false],
    ["amzn-s3-demo-datasets", false],
    ["datasets-s3alias", false],
    ["datasets--ol-s3", false],
    ["datasets.mrap", false],
    ["datasets--usw2-az1--x-s3", false],
    ["datasets--table-s3", false],
    ["team-xn--datasets", true],
  ])("bucket name %s valid: %s", (name, valid) => {
    expect(bucketName.safeParse(name).success).toBe(valid);
  });

  it("names the rule a bucket name AWS refuses breaks", () => {
    const messageOf = (name: string) => {
      const result = bucketName.safeParse(name);
      return result.success ? "" : result.error.issues.map((issue) => issue.message).join("; ");
    };
    expect(messageOf("192.168.10.20")).toBe("is not a valid S3 bucket name (not an IP address such as 192.168.5.4)");
    expect(messageOf("xn--datasets")).toBe("is not a valid S3 bucket name (the prefix xn-- is reserved by S3)");
    expect(messageOf("datasets.mrap")).toBe("is not a valid S3 bucket name (the suffix .mrap is reserved by S3)");
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
