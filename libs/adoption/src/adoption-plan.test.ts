import type { PlanFile } from "@ml-iam/plan";
import { planWorkspaceStacks } from "@ml-iam/plan/src/testing";
import { AdoptionInputError } from "./adoption-input-error";
import { planAdoption, type AdoptionReport } from "./adoption-plan";
import { parseExistingResources } from "./existing-resources";
import { pulumiImportFile } from "./import-file";
import { existingFixture, mappingFixture } from "./testing";

let plans: Map<string, PlanFile>;
beforeAll(async () => {
  // Planning reports the stacks' policy warnings; they are the plan's business, not these tests'.
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  plans = new Map((await planWorkspaceStacks(["central-ai", "data-scientists", "distributed-ml"], "dev")).map((plan) => [plan.stack, plan]));
  warn.mockRestore();
});

const statusLines = (report: AdoptionReport) =>
  report.resources
    .filter((r) => r.status !== "would-be-created")
    .map((r) => `${r.status} ${"planned" in r ? r.planned.name : ""}${"existing" in r ? ` <- ${r.existing.key}` : ""}`);

describe("adopting a resource list made by hand", () => {
  it("adopts by IAM name and ARN, as is when name and path agree, and leaves the rest alone", () => {
    const report = planAdoption({ existing: existingFixture("hand-made-resource-list.json"), plan: plans.get("data-scientists")! });
    expect(statusLines(report)).toEqual([
      "adopted-as-is group <- data-scientists-users",
      "adopted-as-is access <- data-scientists-access",
      "adopted-with-changes ml-jobs <- arn:aws:iam::111111111111:policy/ml/data-scientists/data-scientists-ml-jobs",
      "adopted-with-changes job <- data-scientists-job",
      "not-managed-here  <- legacy.ds",
    ]);
  });

  it("compares only what the list states, and says so", () => {
    const report = planAdoption({ existing: existingFixture("hand-made-resource-list.json"), plan: plans.get("data-scientists")! });
    const access = report.resources.find((r) => "planned" in r && r.planned.name === "access")!;
    expect(access).toMatchObject({ compared: "stated-inputs", changes: [] });
    expect(access.notes).toEqual(["compared by what data-scientists-access states (name, path); pulumi preview after the import shows the rest"]);
    const job = report.resources.find((r) => "planned" in r && r.planned.name === "job");
    expect(job).toMatchObject({ replacedBy: ["path"], changes: [{ property: "path", before: "/", after: "/ml/data-scientists/", replaces: true }] });
    const policy = report.resources.find((r) => "planned" in r && r.planned.name === "ml-jobs");
    expect(policy).toMatchObject({ replacedBy: ["description"] });
  });

  it("has no state to move, so no aliases, and imports by name and ARN", () => {
    const report = planAdoption({ existing: existingFixture("hand-made-resource-list.json"), plan: plans.get("data-scientists")! });
    expect(pulumiImportFile(report, plans.get("data-scientists")!).resources.filter((r) => !r.component)).toEqual([
      { type: "aws:iam/group:Group", name: "group", id: "data-scientists-users", parent: "group-team-group" },
      { type: "aws:iam/role:Role", name: "access", id: "data-scientists-access", parent: "access-team-role" },
      { type: "aws:iam/policy:Policy", name: "ml-jobs", id: "arn:aws:iam::111111111111:policy/ml/data-scientists/data-scientists-ml-jobs" },
      { type: "aws:iam/role:Role", name: "job", id: "data-scientists-job", parent: "job-team-role" },
    ]);
  });

  it("matches IAM names regardless of case, as IAM does", () => {
    const list = JSON.stringify({ resources: [{ type: "AWS::IAM::Group", name: "Data-Scientists-Users" }] });
    const report = planAdoption({ existing: parseExistingResources(list, "list.json"), plan: plans.get("data-scientists")! });
    expect(statusLines(report)).toEqual(["adopted-with-changes group <- Data-Scientists-Users"]);
  });
});

describe("a mapping that cannot be followed", () => {
  const seed004 = "urn:pulumi:dev::distributed-ml-iam::aws:iam";
  const planned = "urn:pulumi:dev::distributed-ml::ml-iam:team-stack:TeamRole$aws:iam/role:Role::instance";
  const attempt = (mapping: Record<string, string>, existing = existingFixture("seed-004-export.json")) => () =>
    planAdoption({ existing, plan: plans.get("distributed-ml")!, mapping: mappingFixture(mapping) });

  it.each<[string, Record<string, string>, string]>([
    [
      "a planned URN the plan does not have",
      { [`${seed004}/role:Role::mlTeamRole`]: "urn:pulumi:dev::distributed-ml::aws:iam/role:Role::trainer" },
      `mapping.json: "${seed004}/role:Role::mlTeamRole" maps to urn:pulumi:dev::distributed-ml::aws:iam/role:Role::trainer, which the plan of distributed-ml (dev) does not have`,
    ],
    [
      "a planned URN of another env",
      { [`${seed004}/role:Role::mlTeamRole`]: planned.replace("dev::", "prod::") },
      `which the plan of distributed-ml (dev) does not have: did you mean ${planned}?`,
    ],
    [
      "a component",
      { [`${seed004}/role:Role::mlTeamRole`]: "urn:pulumi:dev::distributed-ml::ml-iam:team-stack:TeamRole::instance" },
      "that is a component; map onto the resource inside it",
    ],
    ["an existing resource that is not there", { "no-such-role": planned }, 'mapping.json: "no-such-role" is neither the URN nor the id of a resource in'],
    [
      "a resource of another type",
      { [`${seed004}/policy:Policy::mlPolicy`]: planned },
      `mapping.json: "${seed004}/policy:Policy::mlPolicy" is a aws:iam/policy:Policy and cannot become the aws:iam/role:Role ${planned}`,
    ],
    [
      "two resources onto one",
      { [`${seed004}/role:Role::mlTeamRole`]: planned, "mlTeamRole-6b1d8f2": planned },
      "is mapped twice (by URN and by id)",
    ],
  ])("is refused on %s, naming the file and the entry", (_case, mapping, message) => {
    expect(attempt(mapping)).toThrow(AdoptionInputError);
    expect(attempt(mapping)).toThrow(message);
  });

  it("lists every problem at once", () => {
    const problems = (() => {
      try {
        attempt({ a: planned, b: planned })();
      } catch (error) {
        return (error as AdoptionInputError).problems;
      }
      return [];
    })();
    expect(problems).toHaveLength(2);
  });

  it("is refused when the planned name already belongs to another existing resource", () => {
    const list = JSON.stringify({
      resources: [
        { type: "aws:iam/role:Role", name: "old-instance" },
        { type: "aws:iam/role:Role", name: "distributed-ml-instance", arn: "arn:aws:iam::111111111111:role/ml/distributed-ml/distributed-ml-instance" },
      ],
    });
    expect(attempt({ "old-instance": planned }, parseExistingResources(list, "list.json"))).toThrow(
      `mapping.json: "old-instance" maps to ${planned}, but distributed-ml-instance in list.json already is distributed-ml-instance: map that one instead`,
    );
  });
});
