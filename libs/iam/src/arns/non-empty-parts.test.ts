import * as pulumi from "@pulumi/pulumi";
import { nonEmptyParts } from "./non-empty-parts";

describe("nonEmptyParts", () => {
  it("throws naming the builder and the empty field", () => {
    expect(() => nonEmptyParts("s3 object", { bucket: "data", key: "" })).toThrow("s3 object: key must not be empty");
  });

  it("returns the parts when none is empty, leaving Outputs and absent fields alone", () => {
    const parts = { name: "trainer", path: undefined, account: pulumi.output("") };
    expect(nonEmptyParts("iam role", parts)).toBe(parts);
  });
});
