import { platformBucketNameProblems } from "./platform-bucket-names";
import type { TeamsRegistry } from "./teams-registry";

const registry: TeamsRegistry = {
  platformTeam: "@example-org/ml-platform",
  teams: [
    { stack: "central-ai", githubTeam: "@example-org/ml-central-ai", envs: ["dev"] },
    { stack: "data-scientists", githubTeam: "@example-org/ml-data-scientists", envs: ["dev"] },
  ],
};

describe("platform bucket names", () => {
  it("accepts shared datasets and a state bucket named for no team", () => {
    expect(platformBucketNameProblems(registry, { "central-ai:sharedDatasetBuckets": ["ai-datasets-dev"], "central-ai:stateBucket": ["example-org-state"] })).toEqual([]);
  });

  it("refuses one named like a team's own, which the boundary would let that team write", () => {
    expect(platformBucketNameProblems(registry, { "central-ai:sharedDatasetBuckets": ["ai-datasets-dev", "data-scientists-shared"] })).toEqual([
      {
        key: "central-ai:sharedDatasetBuckets[1]",
        problem: "data-scientists-shared is named like a bucket of data-scientists (data-scientists-…), which the boundary lets that team write: rename it",
      },
    ]);
  });
});
