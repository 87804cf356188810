import { findRule, validatePolicy } from "@ml-iam/iam";
import { sampleConfig, sampleTeam } from "./testing";
import { findWorkflow, workflowCatalog } from "./workflow-catalog";
import type { WorkflowStep } from "./workflow";

// The policy linter's UNKNOWN_CONDITION_KEY knows which keys the service authorization reference documents
// for an action and its resource types, and which are global: a key it rejects would never match a policy.
const unknownConditionKey = [findRule("UNKNOWN_CONDITION_KEY")!];
const documented = (step: WorkflowStep, key: string) =>
  validatePolicy(
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: step.action, Resource: "*", Condition: { StringLike: { [key]: "*" } } }] },
    { kind: "identity", rules: unknownConditionKey },
  ).length === 0;

describe("the context a workflow's requests carry", () => {
  it.each([...workflowCatalog.keys()])("in %s, holds only keys AWS documents for the request's action or globally", (name) => {
    const steps = findWorkflow(name).steps(sampleTeam());
    const undocumented = steps.flatMap((step) => Object.keys(step.context).filter((key) => !documented(step, key)).map((key) => `${step.action} ${key}`));
    expect([...new Set(undocumented)]).toEqual([]);
  });

  it("would name a key the action does not document", () => {
    const step: WorkflowStep = { actor: "person", action: "ecr:PutImage", resource: "*", context: {}, purpose: "a check of the check" };
    expect([documented(step, "aws:ResourceTag/team"), documented(step, "s3:x-amz-server-side-encryption")]).toEqual([true, false]);
  });

  it.each(["train-from-laptop", "training-job-runs", "push-image", "deploy-model", "training-nodes-run"])(
    "in %s, names the team's tag on requests on its repository and asks for SSE-KMS on writes to its SSE-KMS bucket",
    (name) => {
      const steps = findWorkflow(name).steps(sampleTeam());
      const onRepository = steps.filter((step) => step.resource.includes(":repository/"));
      const writes = steps.filter((step) => step.action === "s3:PutObject");
      expect(onRepository.length + writes.length).toBeGreaterThan(0);
      for (const step of onRepository) expect([step.action, step.context["aws:ResourceTag/team"]]).toEqual([step.action, "vision"]);
      for (const step of writes) expect([step.action, step.context["s3:x-amz-server-side-encryption"]]).toEqual([step.action, "aws:kms"]);
    },
  );

  it("asks for no encryption on writes to a bucket without a KMS key: S3 applies the bucket's default", () => {
    const config = Object.fromEntries(Object.entries(sampleConfig).filter(([key]) => key !== "kmsKeyArns"));
    const writes = findWorkflow("training-job-runs").steps(sampleTeam({ config })).filter((step) => step.action === "s3:PutObject");
    expect(writes.map((step) => step.context)).toEqual([{}, {}]);
  });
});
