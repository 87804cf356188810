import * as pulumi from "@pulumi/pulumi";
import { resolve, setUpPulumiMocks } from "../testing";
import { kmsArns } from "./kms";

beforeAll(() => setUpPulumiMocks());

describe("kmsArns", () => {
  it.each([["team-a"], ["alias/team-a"]])("builds the same alias ARN from the name %s", async (name) => {
    const arns = kmsArns({ partition: "aws", region: "us-east-1", account: "123456789012" });
    expect(await resolve(arns.alias({ name: pulumi.output(name) }).value)).toBe("arn:aws:kms:us-east-1:123456789012:alias/team-a");
  });
});
