import type { ConditionJson, StatementJson } from "@ml-iam/iam";
import type { PlanFile } from "@ml-iam/plan";
import { workspacePlanTimeout } from "@ml-iam/plan/src/testing";
import { buildWorkflow, describeActor, workflowCatalog, type TeamWorkflows, type Workflow, type WorkflowActor, type WorkflowStep } from "@ml-iam/workflows";
import { sampleTeam } from "@ml-iam/workflows/src/testing";
import { planAndProveWorkspaceStacks, testDocument } from "./testing";
import type { SessionPrincipal } from "./workflow-principals";
import { proveStackWorkflows, proveWorkflow, WorkflowDeclarationError, workflowFailures } from "./workflow-proof";

// The proof over the repository's own dev plans, and over copies of them with one grant taken away.
let plans: PlanFile[];

const planOf = (stack: string) => plans.find((plan) => plan.stack === stack)!;
const central = () => planOf("central-ai");
const declarationOf = (plan: PlanFile): TeamWorkflows => {
  const actors: Record<string, string[]> = {};
  for (const workflow of plan.workflows) {
    for (const step of workflow.steps) {
      const actor = step.actor.split(" ")[0]!;
      // A user is named for its group, "<member> (<group>)", and declared by the output holding the group's name.
      const group = actor === "user" ? /\(([^)]+)\)$/.exec(step.principal)?.[1] : undefined;
      const output = Object.entries(plan.outputs).find(([, value]) => typeof value === "string" && (group === undefined ? value.endsWith(`/${step.principal}`) : value === group))?.[0];
      if (output && workflowActorNames.includes(actor) && !(actors[actor] ?? []).includes(output)) actors[actor] = [...(actors[actor] ?? []), output];
    }
  }
  return { project: plan.stack, actors, must: [], never: [], policies: [] };
};
const workflowActorNames = ["person", "user", "studio", "job", "pipeline", "model", "instance"];

/** A copy of the plans in which one statement (by Sid) of one managed policy is gone. */
function withoutStatement(policyName: string, sid: string): PlanFile[] {
  return plans.map((plan) => ({
    ...plan,
    steps: plan.steps.map((step) => {
      const resource = step.newState;
      // A managed policy by its name, or a group's inline policy (what members hold before they assume a role).
      const named = resource.type === "aws:iam/policy:Policy" ? resource.outputs.name : resource.type === "aws:iam/groupPolicy:GroupPolicy" ? resource.inputs.name : undefined;
      if (named !== policyName) return step;
      const document = JSON.parse(String(resource.inputs.policy)) as { Statement: { Sid?: string }[] };
      // Reports name a statement by its Sid, or by its 1-based position when it has none.
      document.Statement = document.Statement.filter((statement, index) => (statement.Sid ?? String(index + 1)) !== sid);
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
  beforeAll(async () => {
    plans = await planAndProveWorkspaceStacks(["central-ai", "data-scientists", "distributed-ml", "model-builders"], "dev");
  }, workspacePlanTimeout);

  it("proves every declared workflow of every stack of the repository", () => {
    expect(plans.flatMap((plan) => workflowFailures(plan.workflows))).toEqual([]);
    expect(mustWorkflows().map(([name]) => name).sort()).toEqual(
      [
        "deploy-model", "launch-cluster", "launch-from-template", "launch-spot", "launch-training-instance", "open-studio", "push-image", "read-shared-datasets", "register-model",
        "run-pipeline", "sign-in", "train-from-laptop", "train-from-studio", "training-job-runs", "training-nodes-run", "view-ml-resources",
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

  /** The data scientists' plan with `statement` added to one of its policies (the job role's data policy), proven against never-cross-teams alone. */
  const crossTeamFailuresWith = (statement: Record<string, unknown>, policy = "data-scientists-job-data") => {
    const plan = planOf("data-scientists");
    const opened = plan.steps.map((step) => {
      const resource = step.newState;
      if (resource.type !== "aws:iam/policy:Policy" || resource.outputs.name !== policy) return step;
      const document = JSON.parse(String(resource.inputs.policy)) as { Statement: unknown[] };
      document.Statement.push(statement);
      return { ...step, newState: { ...resource, inputs: { ...resource.inputs, policy: JSON.stringify(document) } } };
    });
    const altered = { ...plan, steps: opened };
    return workflowFailures(proveStackWorkflows(altered, [central(), altered], { ...declarationOf(plan), never: ["never-cross-teams"] }));
  };

  it("fails a never-workflow that a grant lets through, naming the statement that allows it", () => {
    // The boundary fences teams, not people: a colleague's Studio profile is the team's own policy's to keep closed.
    const failures = crossTeamFailuresWith({ Sid: "OpenEveryProfile", Effect: "Allow", Action: "sagemaker:CreatePresignedDomainUrl", Resource: "*" }, "data-scientists-studio-and-data");
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]).toMatch(/^workflow never-cross-teams, step \d+ \(open a colleague's Studio profile \(.+\)\): sagemaker:CreatePresignedDomainUrl on arn:aws:sagemaker:.+ as person \(data-scientists-access\) must be denied, but allowed by data-scientists-studio-and-data \(statement OpenEveryProfile\)$/);
  });

  it.each([
    ["another team's artifacts", { Sid: "ReadEverything", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
    ["another team's jobs", { Sid: "StopEveryJob", Effect: "Allow", Action: "sagemaker:StopTrainingJob", Resource: "*" }],
    ["another team's job logs", { Sid: "ReadEveryLog", Effect: "Allow", Action: "logs:GetLogEvents", Resource: "*" }],
  ])("holds a never-workflow whose grant the boundary fences: %s stay closed", (_what, statement) => {
    expect(crossTeamFailuresWith(statement)).toEqual([]);
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

// The proof of the catalog itself, for the sample team and no plan: a principal per actor that holds exactly one
// Allow per request, each narrowed to the request, so taking one away must fail that step and no other.
const sample = sampleTeam();
const allowedWorkflows = [...workflowCatalog.values()].filter((definition) => definition.expect === "allowed").map((definition) => buildWorkflow(definition, sample));

const actorOf = (step: WorkflowStep): WorkflowActor => (typeof step.actor === "string" ? step.actor : step.actor.assumes);

/**
 * The step whose Allow grants each step: itself, or the first earlier step that makes the very same request
 * (a job encrypts its checkpoint and its model with the same bucket key), which no Allow can tell apart.
 */
function grantingSteps(workflow: Workflow): number[] {
  const requests = workflow.steps.map((step) => JSON.stringify([step.actor, step.action, step.resource, step.context]));
  return requests.map((request) => requests.indexOf(request) + 1);
}

/** Step n's grant, `S<n>`: its action on its resource, under conditions its context alone meets. */
function stepAllow(step: WorkflowStep, n: number): StatementJson {
  const condition: ConditionJson = {};
  for (const [key, value] of Object.entries(step.context)) {
    const operator = typeof value === "string" ? "StringEquals" : "ForAllValues:StringEquals";
    condition[operator] = { ...condition[operator], [key]: typeof value === "string" ? value : [...value] };
  }
  const grant: StatementJson = { Sid: `S${n}`, Effect: "Allow", Action: step.action, ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}) };
  // A service assuming a role is granted by the role's trust policy, which names the service, not a resource.
  return typeof step.actor === "string" ? { ...grant, Resource: step.resource } : { ...grant, Principal: { Service: step.actor.service } };
}

/** A principal per actor of the workflow, each holding one Allow per request it makes (or is assumed for), except step `without`'s. */
function generatedPrincipals(workflow: Workflow, without?: number): Map<WorkflowActor, SessionPrincipal[]> {
  const granting = grantingSteps(workflow);
  const principals = new Map<WorkflowActor, SessionPrincipal[]>();
  for (const actor of new Set(workflow.steps.map(actorOf))) {
    const granted = workflow.steps.map((step, index) => [step, index + 1] as const).filter(([step, n]) => actorOf(step) === actor && granting[n - 1] === n && n !== without);
    const identity = granted.filter(([step]) => typeof step.actor === "string").map(([step, n]) => stepAllow(step, n));
    const trust = granted.filter(([step]) => typeof step.actor !== "string").map(([step, n]) => stepAllow(step, n));
    const name = `${workflow.name}-${actor}`;
    principals.set(actor, [{ name, arn: sample.role(actor), identity: [testDocument(...identity)], identityNames: [name], trust: testDocument(...trust), context: {} }]);
  }
  return principals;
}

/** How the proof names a step that no grant allows. */
function failureOf(workflow: Workflow, n: number): string {
  const step = workflow.steps[n - 1]!;
  const principal = `${workflow.name}-${actorOf(step)}`;
  const why = typeof step.actor === "string" ? "no statement grants it" : `the trust policy of ${principal} does not allow it`;
  return `workflow ${workflow.name}, step ${n} (${step.purpose}): ${step.action} on ${step.resource} as ${describeActor(step.actor)} (${principal}) must be allowed, but ${why}`;
}

describe("proving the catalog's workflows with generated principals", () => {
  it.each(allowedWorkflows.map((workflow) => [workflow.name, workflow] as const))("%s passes when each request has its Allow, and fails at exactly the step whose Allow is taken away", (_name, workflow) => {
    const prove = (without?: number) => workflowFailures([proveWorkflow(workflow, "generated principals", generatedPrincipals(workflow, without), new Map())]);
    expect(prove()).toEqual([]);
    const granting = grantingSteps(workflow);
    for (const n of new Set(granting)) {
      // The step itself first, then any later step making the very same request.
      const same = granting.flatMap((granter, index) => (granter === n ? [index + 1] : []));
      expect(prove(n)).toEqual(same.map((step) => failureOf(workflow, step)));
    }
  });
});
