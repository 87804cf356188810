import { planAndProveWorkspaceStacks } from "@ml-iam/analysis/src/testing";
import { validatePolicy } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beyondTheSeed, provingStep, provingWorkflow, renderSeedCoverage } from "./seed-coverage-table";
import { seedGrants } from "./seed-grants";

const stacks = [...new Set(seedGrants.flatMap((grant) => (grant.coverage.outcome === "dropped" ? [] : [grant.coverage.stack])))].sort();
let plans: PlanFile[];
beforeAll(async () => {
  plans = await planAndProveWorkspaceStacks(stacks, "dev");
}, workspacePlanTimeout);

describe("seed coverage", () => {
  const kept = seedGrants.filter((grant) => grant.coverage.outcome !== "dropped");
  const dropped = seedGrants.filter((grant) => grant.coverage.outcome === "dropped");

  it.each(kept.map((grant) => [grant.seed, grant.action, grant.resource, grant] as const))(
    "seed %s's %s on %s is proven by a workflow whose every step holds, the seed's request among them",
    (_seed, _action, _resource, grant) => {
      if (grant.coverage.outcome === "dropped") throw new Error("unreachable");
      expect(provingWorkflow(grant, plans)?.passed).toBe(true);
      expect(provingStep(grant, plans)).toBeDefined();
    },
  );

  it.each(dropped.map((grant) => [grant.seed, grant.action, grant.resource, grant] as const))(
    "seed %s's %s on %s is rejected as written",
    (_seed, action, resource, grant) => {
      if (grant.coverage.outcome !== "dropped" || !grant.coverage.finding) return;
      const codes = validatePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] }, { kind: "identity" }).map((f) => f.code);
      expect(codes).toContain(grant.coverage.finding);
    },
  );

  it("says what a job needs beyond the seed: seed 003's CreateTrainingJob needs a role to pass and its code uploaded", () => {
    const seed003 = seedGrants.find((grant) => grant.seed === "003" && grant.action === "sagemaker:*")!;
    expect(beyondTheSeed(seed003, seedGrants, plans)).toEqual(expect.arrayContaining(["iam:PassRole", "s3:PutObject", "logs:GetLogEvents"]));
  });

  it("proves the read-only policy of seed 003 on its own: it describes and lists, and starts nothing", () => {
    const central = plans.find((plan) => plan.stack === "central-ai")!;
    const readOnly = central.workflows.filter((workflow) => workflow.subject === "a role holding only central-ai-sagemaker-read-only");
    expect(readOnly.map((workflow) => [workflow.name, workflow.passed])).toEqual([
      ["view-ml-resources", true],
      ["never-change-ml-resources", true],
    ]);
  });

  it("is written out in docs/seed-coverage.md (regenerate with `npx nx run ci:seed-coverage`)", () => {
    const committed = readFileSync(join(__dirname, "../../../../docs/seed-coverage.md"), "utf8");
    expect(committed).toBe(renderSeedCoverage(seedGrants, plans));
  });
});
