import * as pulumi from "@pulumi/pulumi";
import { resolve, setUpPulumiMocks } from "../testing";
import { textInterpolation } from "./arn-interpolation";
import { ssmArns } from "./ssm";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "eu-west-1", account: "123456789012" };

describe("ssmArns", () => {
  it("builds document and session ARNs in the scope's region and account, from Outputs too", async () => {
    const arns = ssmArns(scope);
    expect(await resolve(arns.document({ name: pulumi.output("SSM-SessionManagerRunShell") }).value)).toBe(
      "arn:aws:ssm:eu-west-1:123456789012:document/SSM-SessionManagerRunShell",
    );
    expect(await resolve(arns.session({ id: "carol-*" }).value)).toBe("arn:aws:ssm:eu-west-1:123456789012:session/carol-*");
  });

  it("builds the same ARNs as text, and carries each one's resource type", () => {
    const arns = ssmArns(scope, textInterpolation);
    expect(arns.document({ name: "SSM-SessionManagerRunShell" })).toEqual({
      resourceType: "ssm:document",
      value: "arn:aws:ssm:eu-west-1:123456789012:document/SSM-SessionManagerRunShell",
    });
    expect(arns.session({ id: "*" })).toEqual({ resourceType: "ssm:session", value: "arn:aws:ssm:eu-west-1:123456789012:session/*" });
  });

  it.each([
    ["document", () => ssmArns(scope).document({ name: "" }), "ssm document: name must not be empty"],
    ["session", () => ssmArns(scope).session({ id: "" }), "ssm session: id must not be empty"],
  ])("rejects an empty %s part, naming the builder and the field", (_type, build, message) => {
    expect(build).toThrow(message);
  });
});
