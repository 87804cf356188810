import * as pulumi from "@pulumi/pulumi";
import { resolve, setUpPulumiMocks } from "../testing";
import { outputInterpolation, textInterpolation } from "./arn-interpolation";

beforeAll(() => setUpPulumiMocks());

describe("textInterpolation", () => {
  it.each([
    ["parts between literals", textInterpolation.join`arn:${"aws"}:s3:::${"bucket"}/${"key"}`, "arn:aws:s3:::bucket/key"],
    ["a part at the start and at the end", textInterpolation.join`${"a"}-${"b"}`, "a-b"],
    ["no parts", textInterpolation.join`arn:aws:s3:::fixed`, "arn:aws:s3:::fixed"],
    ["an empty part", textInterpolation.join`x${""}y`, "xy"],
  ])("joins %s as a template literal would", (_case, joined, expected) => {
    expect(joined).toBe(expected);
  });

  it("rewrites a part at once", () => {
    expect(textInterpolation.map("alias/team-a", (part) => part.replace(/^alias\//, ""))).toBe("team-a");
  });

  it("throws a check's error at once, where the builder is called", () => {
    expect(() =>
      textInterpolation.map("ml", (part) => {
        throw new Error(`path must start and end with /, got ${part}`);
      }),
    ).toThrow("path must start and end with /, got ml");
  });
});

describe("outputInterpolation", () => {
  it("joins Outputs and plain strings into one Output", async () => {
    const joined = outputInterpolation.join`arn:${pulumi.output("aws")}:s3:::${"bucket"}`;
    expect(pulumi.Output.isInstance(joined)).toBe(true);
    expect(await resolve(joined)).toBe("arn:aws:s3:::bucket");
  });

  it("rewrites a plain part at once, and an Output part once it resolves", async () => {
    const strip = (part: string) => part.replace(/^https:\/\//, "");
    expect(outputInterpolation.map("https://token.actions.githubusercontent.com", strip)).toBe("token.actions.githubusercontent.com");
    const rewritten = outputInterpolation.map(pulumi.output("https://token.actions.githubusercontent.com"), strip);
    expect(await resolve(pulumi.output(rewritten))).toBe("token.actions.githubusercontent.com");
  });

  it("fails a plain part's check at once, so a bad literal fails where it is written", () => {
    expect(() =>
      outputInterpolation.map("ml", () => {
        throw new Error("bad path");
      }),
    ).toThrow("bad path");
  });
});
