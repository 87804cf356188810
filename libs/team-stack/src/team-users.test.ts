import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "./stack-config";
import { teamResourcesConfigShape } from "./team-resources-config";
import { teamUserKeyProblems } from "./team-users";

describe("the PGP keys of the users a stack creates", () => {
  it("accepts a key for each user and none for anybody else", () => {
    expect(teamUserKeyProblems("data-scientists", { members: ["carol.ds"], pgpKeys: { "carol.ds": "keybase:carol_ds" } })).toEqual([]);
    expect(teamUserKeyProblems("central-ai", { users: ["alice"], members: ["bob"], pgpKeys: { alice: "keybase:alice", bob: "keybase:bob" } })).toEqual([]);
    expect(teamUserKeyProblems("data-scientists", {})).toEqual([]);
  });

  it("refuses a user without a key, whose first password could only be plaintext, and a key for nobody", () => {
    expect(teamUserKeyProblems("data-scientists", { members: ["carol.ds", "dave.ds"], pgpKeys: { "carol.ds": "keybase:carol_ds", "dave.d": "keybase:dave_ds" } })).toEqual([
      { key: "data-scientists:pgpKeys", problem: "dave.ds has no PGP key: its console password could only be kept in plaintext" },
      { key: "data-scientists:pgpKeys.dave.d", problem: "dave.d is not a user of data-scientists:members: a key for nobody" },
    ]);
  });

  it("is checked with the rest of the stack's config, naming its file", async () => {
    pulumi.runtime.setAllConfig(
      {
        "aws:region": "us-east-1",
        "aws:allowedAccountIds": '["111111111111"]',
        "aws:defaultTags": JSON.stringify({ tags: { team: "data-scientists", env: "dev", repository: "acme/ml-iam" } }),
        "data-scientists:repository": "acme/ml-iam",
        "data-scientists:datasetBuckets": '["data-scientists-datasets"]',
        "data-scientists:artifactBuckets": '["data-scientists-artifacts"]',
        "data-scientists:members": '["carol.ds"]',
      },
      [],
    );
    await pulumi.runtime.setMocks({ newResource: () => ({ id: "x", state: {} }), call: () => ({}) }, "data-scientists", "dev", true);
    expect(() => readStackConfig(teamResourcesConfigShape)).toThrow(
      "stack data-scientists: stacks/data-scientists/Pulumi.dev.yaml is invalid:\n  - data-scientists:pgpKeys: carol.ds has no PGP key: its console password could only be kept in plaintext",
    );
  });
});
