import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "../arns";
import { findAction } from "../internal/service-catalog";
import type { StatementJson } from "../policy-json";
import { toPolicyJson, type ResolvedStatement } from "../render-policy";
import { resolve, setUpPulumiMocks } from "../testing";
import { readOnlyMlUser } from "./read-only-ml-user";
import type { TeamResources } from "./team-resources";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "ds" };
const resources: TeamResources = {
  jobRoles: [arnBuilders(scope).iam.role({ name: "ds-job" })],
  datasetBuckets: ["ds-datasets"],
  artifactBuckets: ["ds-artifacts"],
};

async function statements(): Promise<StatementJson[]> {
  const [view] = readOnlyMlUser(context, resources).access!;
  return toPolicyJson((await resolve(pulumi.output(view!.statements))) as unknown as ResolvedStatement[]).Statement as StatementJson[];
}

describe("readOnlyMlUser", () => {
  it("configures the access role only, in one policy", () => {
    const policies = readOnlyMlUser(context, resources);
    expect(Object.keys(policies)).toEqual(["access"]);
    expect(policies.access?.map((policy) => policy.name)).toEqual(["view"]);
  });

  it("only describes, lists, searches and reads metrics and lineage: every action is of the Read or List access level", async () => {
    const actions = [...new Set((await statements()).flatMap((s) => s.Action ?? []))].sort();
    expect(actions.map((action) => [action, findAction(action)?.accessLevel]).filter(([, level]) => level !== "Read" && level !== "List")).toEqual([]);
    expect(actions.filter((action) => !/^sagemaker:(Describe|List|Search)/.test(action))).toEqual([
      "sagemaker:BatchGetMetrics",
      "sagemaker:GetSearchSuggestions",
      "sagemaker:QueryLineage",
    ]);
  });

  it("passes no role and reaches no data in S3", async () => {
    expect(JSON.stringify(await statements())).not.toMatch(/iam:|s3:/);
  });

  it("describes only the team's resources: tagged for it, or named for it where SageMaker cannot tag them", async () => {
    const scoped = (await statements()).filter((s) => s.Resource !== "*");
    expect(scoped.map((s) => [s.Sid, s.Condition ?? "by name"])).toEqual([
      ["ViewTaggedResources", { StringEquals: { "aws:ResourceTag/team": "ds" } }],
      ["ViewVersionsAndExecutions", "by name"],
      ["ExperimentsDescribe", { StringEquals: { "aws:ResourceTag/team": "ds" } }],
      ["ExperimentsReadTrialComponents", "by name"],
    ]);
    const resourceList = scoped.flatMap((s) => s.Resource ?? []);
    expect(resourceList.filter((r) => !/:[a-z-]+\/ds-\*(\/execution\/\*)?$/.test(r))).toEqual([]);
  });
});
