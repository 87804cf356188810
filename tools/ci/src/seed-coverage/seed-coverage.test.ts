import { planPrincipals, principalGrant, type PlanPrincipal } from "@ml-iam/analysis";
import { validatePolicy } from "@ml-iam/iam";
import { planWorkspace, workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderSeedCoverage } from "./seed-coverage-table";
import { seedGrants } from "./seed-grants";

let principals: PlanPrincipal[];
beforeAll(async () => {
  principals = planPrincipals(await planWorkspace("dev"));
}, workspacePlanTimeout);

const principalNamed = (id: string) => principals.find((p) => `${p.stack}/${p.name}` === id);

describe("seed coverage", () => {
  const kept = seedGrants.filter((grant) => grant.coverage.outcome !== "dropped");
  const dropped = seedGrants.filter((grant) => grant.coverage.outcome === "dropped");

  it.each(kept.map((grant) => [grant.seed, grant.action, grant.resource, grant] as const))(
    "seed %s's %s on %s is allowed to the principal it names",
    (_seed, _action, _resource, grant) => {
      if (grant.coverage.outcome === "dropped") throw new Error("unreachable");
      const principal = principalNamed(grant.coverage.principal);
      expect(principal).toBeDefined();
      expect(principalGrant(principal!, grant.coverage.action, grant.coverage.resource)).toBeDefined();
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

  it("narrows what the seeds granted too widely: no team principal may run jobs of another team", () => {
    const dataScientists = principalNamed("data-scientists/data-scientists-access")!;
    expect(principalGrant(dataScientists, "sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:111111111111:training-job/model-builders-x")).toBeUndefined();
    const distributed = principalNamed("distributed-ml/distributed-ml-execution")!;
    expect(principalGrant(distributed, "s3:PutObject", "arn:aws:s3:::ml-datasets-other-team/x")).toBeUndefined();
  });

  it("is written out in docs/seed-coverage.md (regenerate with `npx nx run ci:seed-coverage`)", () => {
    const arns = new Map(principals.map((p) => [`${p.stack}/${p.name}`, p.arn]));
    const committed = readFileSync(join(__dirname, "../../../../docs/seed-coverage.md"), "utf8");
    expect(committed).toBe(renderSeedCoverage(seedGrants, arns));
  });
});
