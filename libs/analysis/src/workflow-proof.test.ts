import type { PlanFile } from "@ml-iam/plan";
import { workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import type { TeamWorkflows } from "@ml-iam/workflows";
import { planAndProveWorkspaceStacks } from "./testing";
import { proveStackWorkflows, WorkflowDeclarationError, workflowFailures } from "./workflow-proof";

// The proof over the repository's own dev plans, and over copies of them with one grant taken away.
let plans: PlanFile[];
beforeAll(async () => {
  plans = await planAndProveWorkspaceStacks(["central-ai", "data-scientists", "distributed-ml", "model-builders"], "dev");
}, workspacePlanTimeout);

const planOf = (stack: string) => plans.find((plan) => plan.stack === stack)!;
const central = () => planOf("central-ai");
const declarationOf = (plan: PlanFile): TeamWorkflows => {
  const actors: Record<string, string[]> = {};
  for (const workflow of plan.workflows) {
    for (const step of workflow.steps) {
      const output = Object.entries(plan.outputs).find(([, value]) => typeof value === "string" && value.endsWith(`/${step.principal}`))?.[0];
      const actor = step.actor.split(" ")[0]!;
      if (output && workflowActorNames.includes(actor) && !(actors[actor] ?? []).includes(output)) actors[actor] = [...(actors[actor] ?? []), output];
    }
  }
  return { project: plan.stack, actors, must: [], never: [], policies: [] };
};
const workflowActorNames = ["person", "studio", "job", "pipeline", "model", "instance"];

/** A copy of the plans in which one statement (by Sid) of one managed policy is gone. */
function withoutStatement(policyName: string, sid: string): PlanFile[] {
  return plans.map((plan) => ({
    ...plan,
    steps: plan.steps.map((step) => {
      const resource = step.newState;
      if (resource.type !== "aws:iam/policy:Policy" || resource.outputs.name !== policyName) return step;
      const document = JSON.parse(String(resource.inputs.policy)) as { Statement: { Sid?: string }[] };
      document.Statement = document.Statement.filter((statement) => statement.Sid !== sid);
      return { ...step, newState: { ...resource, inputs: { ...resource.inputs, policy: JSON.stringify(document) } } };
    }),
  }));
}

/** Every must-workflow some stack declares, once, with the stack that declares it. */
const mustWorkflows = () => {
  const seen = new Set<string>();
  return plans.flatMap((plan) =>
    plan.workflows.filter((workflow) => workflow.expect === "allowed" && workflow.subject.startsWith("the principals") && !seen.has(workflow.name) && seen.add(workflow.name)).map((workflow) => [workflow.name, plan.stack] as const),
  );
};

describe("proving a stack's workflows", () => {
  it("proves every declared workflow of every stack of the repository", () => {
    expect(plans.flatMap((plan) => workflowFailures(plan.workflows))).toEqual([]);
    expect(mustWorkflows().map(([name]) => name).sort()).toEqual(
      [
        "deploy-model", "launch-cluster", "launch-from-template", "launch-spot", "launch-training-instance", "open-studio", "push-image", "read-shared-datasets", "register-model",
        "run-pipeline", "train-from-laptop", "train-from-studio", "training-job-runs", "training-nodes-run", "view-ml-resources",
      ].sort(),
    );
  });

  it("fails each workflow at the step whose grant is taken away, naming the workflow, the step, the principal and why", () => {
    const pattern = /^allowed by ([a-z0-9-]+) \(statement ([A-Za-z0-9]+)\)$/;
    for (const [name, stack] of mustWorkflows()) {
      const proven = planOf(stack).workflows.find((workflow) => workflow.name === name && workflow.subject.startsWith("the principals"))!;
      const declaration: TeamWorkflows = { ...declarationOf(planOf(stack)), must: [name] };
      // Take away, step by step, the statement that allows it, until the step no other statement grants fails.
      const failing = proven.steps.flatMap((step) => {
        const [, policy, sid] = pattern.exec(step.reason) ?? [];
        if (!policy || !sid) return [];
        const altered = withoutStatement(policy, sid);
        const plan = altered.find((candidate) => candidate.stack === stack)!;
        const alteredContext = plan.stack === "central-ai" ? [plan] : [altered.find((candidate) => candidate.stack === "central-ai")!, plan];
        const failures = workflowFailures(proveStackWorkflows(plan, alteredContext, declaration));
        const named = failures.some((line) => line.startsWith(`workflow ${name}, step ${step.step} (${step.purpose}): ${step.action} on ${step.resource} as `) && line.includes(`(${step.principal}) must be allowed, but `));
        return named ? [step.step] : [];
      });
      expect([name, failing.length > 0]).toEqual([name, true]);
    }
  });

  it("fails a never-workflow that a grant lets through, naming the statement that allows it", () => {
    const plan = planOf("data-scientists");
    const opened = plan.steps.map((step) => {
      const resource = step.newState;
      if (resource.type !== "aws:iam/policy:Policy" || resource.outputs.name !== "data-scientists-job-data") return step;
      const document = JSON.parse(String(resource.inputs.policy)) as { Statement: unknown[] };
      document.Statement.push({ Sid: "ReadEverything", Effect: "Allow", Action: "s3:GetObject", Resource: "*" });
      return { ...step, newState: { ...resource, inputs: { ...resource.inputs, policy: JSON.stringify(document) } } };
    });
    const altered = { ...plan, steps: opened };
    const failures = workflowFailures(proveStackWorkflows(altered, [central(), altered], { ...declarationOf(plan), never: ["never-cross-teams"] }));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatch(/^workflow never-cross-teams, step \d+ \(read their artifacts \(.+\)\): s3:GetObject on arn:aws:s3:::.+ as job \(data-scientists-job\) must be denied, but allowed by data-scientists-job-data \(statement ReadEverything\)$/);
  });

  it("says when the boundary, not the team's policies, stops a step", () => {
    const plan = planOf("distributed-ml");
    const declaration: TeamWorkflows = { ...declarationOf(plan), must: ["training-nodes-run"] };
    const centralWithoutSessions = withoutStatement("central-ai-team-boundary", "MlServices").find((candidate) => candidate.stack === "central-ai")!;
    const failures = workflowFailures(proveStackWorkflows(plan, [centralWithoutSessions, plan], declaration));
    expect(failures.find((line) => line.includes("ssm:UpdateInstanceInformation"))).toMatch(/must be allowed, but the boundary does not allow it$/);
  });

  it.each<[string, Partial<TeamWorkflows>, string]>([
    ["an unknown workflow", { must: ["train-on-a-laptop"] }, 'data-scientists: workflows.ts: unknown workflow "train-on-a-laptop": the workflows are '],
    ["a never-workflow listed under must", { must: ["never-cross-teams"] }, "data-scientists: workflows.ts: never-cross-teams is a workflow whose steps must be denied: list it under never"],
    ["an actor output the stack does not export", { actors: { person: ["noSuchOutput"] }, must: [] }, "data-scientists: workflows.ts: actors.person names the output noSuchOutput, which is not an output of the stack"],
    ["an actor output that is no principal", { actors: { person: ["policyArn"] }, must: [] }, "data-scientists: workflows.ts: actors.person names the output policyArn, which is not a role or permission set of its plan"],
  ])("refuses %s, naming the stack, the workflow and the key", (_case, change, message) => {
    const plan = planOf("data-scientists");
    const declaration = { ...declarationOf(plan), ...change } as TeamWorkflows;
    expect(() => proveStackWorkflows(plan, [central(), plan], declaration)).toThrow(WorkflowDeclarationError);
    expect(() => proveStackWorkflows(plan, [central(), plan], declaration)).toThrow(message);
  });

  it.each<[string, Partial<TeamWorkflows>, string, RegExp]>([
    [
      "the Studio execution role",
      { actors: { person: ["accessRoleArn"], job: ["jobRoleArn"] }, must: ["train-from-studio"] },
      "train-from-studio",
      /^workflow train-from-studio, step 1 \(.+\): \S+ on \S+ as studio \(no principal\) must be allowed, but no principal plays the Studio execution role$/,
    ],
    [
      "the pipeline role, which a person passes",
      { actors: { person: ["accessRoleArn"], job: ["jobRoleArn"] }, must: ["run-pipeline"] },
      "run-pipeline",
      /^workflow run-pipeline, step \d+ \(let SageMaker run the pipeline as the pipeline role\): iam:PassRole on arn:aws:iam::\d+:role\/ml\/data-scientists\/unplayed-pipeline-role as person \(.+\) must be allowed, but no principal plays the pipeline role$/,
    ],
  ])("fails, rather than refuses, a workflow that needs %s when no principal plays it", (_case, change, name, failure) => {
    const plan = planOf("data-scientists");
    const results = proveStackWorkflows(plan, [central(), plan], { ...declarationOf(plan), ...change } as TeamWorkflows);
    expect(results.map((result) => [result.name, result.passed])).toEqual([[name, false]]);
    expect(workflowFailures(results)).toContainEqual(expect.stringMatching(failure));
  });

  it("refuses a workflow that needs config the stack lacks, naming the file and the key", () => {
    const plan = planOf("data-scientists");
    const withoutDomain = { ...plan, config: Object.fromEntries(Object.entries(plan.config).filter(([key]) => key !== "data-scientists:studioDomainId")) };
    expect(() => proveStackWorkflows(withoutDomain, [central(), withoutDomain], { ...declarationOf(plan), must: ["open-studio"] })).toThrow(
      "data-scientists (dev): workflow open-studio needs stacks/data-scientists/Pulumi.dev.yaml: data-scientists:studioDomainId must be set",
    );
  });
});
