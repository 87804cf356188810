import { partitionOfRegion, scopeFromRegion } from "./aws-scope";

describe("partitionOfRegion", () => {
  it.each([
    ["us-east-1", "aws"],
    ["eu-west-1", "aws"],
    ["ap-southeast-2", "aws"],
    ["us-gov-west-1", "aws-us-gov"],
    ["us-gov-east-1", "aws-us-gov"],
    ["cn-north-1", "aws-cn"],
    ["cn-northwest-1", "aws-cn"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["eu-isoe-west-1", "aws-iso-e"],
    ["us-isof-south-1", "aws-iso-f"],
    ["eusc-de-east-1", "aws-eusc"],
    ["us-gov-south-7", "aws-us-gov"],
    ["cn-south-3", "aws-cn"],
  ])("maps %s to the %s partition", (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });
});

describe("scopeFromRegion", () => {
  it("derives the partition from the region and keeps region and account", () => {
    expect(scopeFromRegion("us-gov-west-1", "123456789012")).toEqual({
      partition: "aws-us-gov",
      region: "us-gov-west-1",
      account: "123456789012",
    });
  });
});
