import * as pulumi from "@pulumi/pulumi";
import { resolve, setUpPulumiMocks } from "../testing";
import { iamArns } from "./iam";

beforeAll(() => setUpPulumiMocks());

const arns = iamArns({ partition: "aws", region: "us-east-1", account: "123456789012" });

describe("iamArns", () => {
  it.each(["ml/", "/ml", "ml", "//ml"])("rejects the path %j, which does not start and end with a slash", (path) => {
    expect(() => arns.role({ name: "trainer", path })).toThrow(/iam role: path must start and end with "\/"/);
  });

  it("puts a nested path between the type and the name", async () => {
    expect(await resolve(arns.instanceProfile({ name: "nb", path: "/ml/team-a/" }).value)).toBe(
      "arn:aws:iam::123456789012:instance-profile/ml/team-a/nb",
    );
  });

  it("accepts a path that is an Output", async () => {
    expect(await resolve(arns.role({ name: "trainer", path: pulumi.output("/ml/") }).value)).toBe(
      "arn:aws:iam::123456789012:role/ml/trainer",
    );
  });

  it.each(["https://token.actions.githubusercontent.com", "token.actions.githubusercontent.com"])(
    "names the OIDC provider by its host whether or not the URL %s has a scheme",
    async (url) => {
      expect(await resolve(arns.oidcProvider({ url: pulumi.output(url) }).value)).toBe(
        "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
      );
    },
  );
});
