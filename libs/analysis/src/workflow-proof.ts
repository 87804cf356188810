import { centralTeam, personTagKey, stackConfigFile, teamIamPath, teamTagKey } from "@ml-iam/iam";
import type { PlanFile, PlanWorkflow } from "@ml-iam/plan";
import {
  actorDescriptions,
  configuredPeople,
  describeActor,
  findWorkflow,
  MissingWorkflowInputError,
  TeamResources,
  workflowActors,
  type CentralResources,
  type TeamWorkflows,
  type Workflow,
  type WorkflowActor,
  type WorkflowExpectation,
  type WorkflowStep,
} from "@ml-iam/workflows";
import { planPrincipals, type PlanPrincipal } from "./plan-principals";
import { simulate, type SimulationResult } from "./simulation/evaluate";
import { policyHolder, sessionPrincipal, userPrincipal, type SessionPrincipal } from "./workflow-principals";

/** One request of a workflow as the engine decided it for one principal. */
export type WorkflowStepResult = PlanWorkflow["steps"][number];

/** A workflow proven over a stack's plan: every step, and whether all of them are as expected. */
export type WorkflowResult = PlanWorkflow;

/** A stack's `workflows.ts` asks for something the stack or its config cannot give: names the stack, workflow and key. */
export class WorkflowDeclarationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "WorkflowDeclarationError";
  }
}

/** What the central stack's plan gives every team's workflows. */
function centralResources(plans: readonly PlanFile[]): CentralResources {
  const central = plans.find((plan) => plan.stack === centralTeam);
  const arns = (central?.outputs.datasetBucketArns ?? []) as string[];
  const stateBucket = central?.config[`${centralTeam}:stateBucket`];
  return {
    datasetBuckets: arns.map((arn) => arn.replace(/^arn:[^:]+:s3:::/, "")),
    datasetKmsKeyArns: (central?.outputs.datasetKmsKeyArns ?? []) as string[],
    stateBucket: typeof stateBucket === "string" ? stateBucket : undefined,
    teams: Object.keys((central?.outputs.deployRoleArns ?? {}) as Record<string, unknown>),
  };
}

/** The stack's own config keys, without the namespace. */
function ownConfig(plan: PlanFile): Record<string, unknown> {
  const prefix = `${plan.stack}:`;
  return Object.fromEntries(Object.entries(plan.config).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
}

function policyName(principal: SessionPrincipal, result: SimulationResult, effect: "Allow" | "Deny"): string | undefined {
  const match = result.matched.find((matched) => matched.effect === effect);
  if (!match) return undefined;
  const owner =
    match.policy === "boundary" ? "the boundary" : match.policy === "resource" ? `the trust policy of ${principal.name}` : (principal.identityNames[match.document] ?? `policy ${match.document + 1}`);
  return `${owner} (${match.sid === undefined ? `statement ${match.statement + 1}` : `statement ${match.sid}`})`;
}

/** Why a request was decided as it was, in the words of a reviewer. */
function explain(principal: SessionPrincipal, result: SimulationResult, viaTrust: boolean): string {
  if (result.decision === "Allowed") return `allowed by ${policyName(principal, result, "Allow")}`;
  if (result.decision === "ExplicitlyDenied") return `denied by ${policyName(principal, result, "Deny")}`;
  if (viaTrust) return `the trust policy of ${principal.name} does not allow it`;
  const identityAllows = result.matched.some((matched) => matched.policy === "identity" && matched.effect === "Allow");
  if (identityAllows && principal.boundary) return "the boundary does not allow it";
  return "no statement grants it";
}

/** The principals each declared actor runs as, by the stack outputs the declaration names. */
function actorPrincipals(plan: PlanFile, principals: readonly PlanPrincipal[], declaration: TeamWorkflows, person: string | undefined, problems: string[]): Map<WorkflowActor, SessionPrincipal[]> {
  const byArn = new Map(principals.map((principal) => [principal.arn, principal]));
  const actors = new Map<WorkflowActor, SessionPrincipal[]>();
  for (const actor of workflowActors) {
    for (const output of declaration.actors[actor] ?? []) {
      const arn = plan.outputs[output];
      if (actor === "user") {
        // The user actor is named by the team's group (its name or ARN): a member signs in as themself.
        const group = principals.find((candidate) => candidate.kind === "group" && candidate.stack === plan.stack && (candidate.name === arn || candidate.arn === arn));
        if (group === undefined) {
          problems.push(`${plan.stack}: workflows.ts: actors.user names the output ${output}, which is ${arn === undefined ? "not an output of the stack" : "not an IAM group of its plan"}`);
        } else if (person !== undefined) {
          const planned = principals.find((candidate) => candidate.kind === "user" && candidate.name === person);
          actors.set(actor, [...(actors.get(actor) ?? []), userPrincipal(plan, group, person, planned)]);
        }
        continue;
      }
      const principal = typeof arn === "string" ? byArn.get(arn) : undefined;
      if (principal === undefined) {
        problems.push(`${plan.stack}: workflows.ts: actors.${actor} names the output ${output}, which is ${arn === undefined ? "not an output of the stack" : "not a role or permission set of its plan"}`);
        continue;
      }
      const session = sessionPrincipal(plan, principal, actor === "person" ? { name: person ?? actor, tags: person === undefined ? {} : { [personTagKey]: person }, person: true } : { name: actor });
      actors.set(actor, [...(actors.get(actor) ?? []), session]);
    }
  }
  return actors;
}

/** A planned role a person or user may assume, with the trust policy that decides it. */
export interface AssumableRole {
  name: string;
  trust: NonNullable<PlanPrincipal["trust"]>;
}

/** The calls a principal makes on a role to reach a session of it, which its trust policy must allow too. */
const assumeActions: ReadonlySet<string> = new Set(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"]);

/** `the Studio execution role`: an actor's part, as the sentence "no principal plays …" needs it. */
function actorPart(actor: WorkflowActor): string {
  return actorDescriptions[actor].replace(/ \(.*\)$/, "");
}

/**
 * The role a workflow names for an actor no planned principal plays (a pipeline role the stack does not have),
 * so the workflow can still be built and fails at the steps that need it instead of refusing the declaration.
 */
function unplayedRoleArn(plan: PlanFile, actor: WorkflowActor): string {
  return `arn:${plan.partition}:iam::${plan.account}:role${teamIamPath(plan.stack)}unplayed-${actor}-role`;
}

/** The actor whose unplayed role a step makes or names (passes it, launches with its profile), if any. */
function unplayedActorOf(step: WorkflowStep, actors: Map<WorkflowActor, SessionPrincipal[]>, unplayed: ReadonlyMap<string, WorkflowActor>): WorkflowActor | undefined {
  const actor = typeof step.actor === "string" ? step.actor : step.actor.assumes;
  if (!actors.has(actor)) return actor;
  const named = [step.resource, ...Object.values(step.context).flat()];
  for (const [fragment, missing] of unplayed) if (named.some((value) => value.includes(fragment))) return missing;
  return undefined;
}

/**
 * Decides every step of a workflow for the principals of its actors; a step that needs a part no principal
 * plays fails, saying so, since the stack cannot run it until it has such a role.
 */
export function proveWorkflow(
  workflow: Workflow,
  subject: string,
  actors: Map<WorkflowActor, SessionPrincipal[]>,
  unplayed: ReadonlyMap<string, WorkflowActor>,
  roles: ReadonlyMap<string, AssumableRole> = new Map(),
): WorkflowResult {
  const steps: WorkflowStepResult[] = [];
  workflow.steps.forEach((step: WorkflowStep, index) => {
    const caller = typeof step.actor === "string" ? undefined : step.actor;
    const principals = actors.get(caller ? caller.assumes : (step.actor as WorkflowActor)) ?? [];
    const missing = unplayedActorOf(step, actors, unplayed);
    if (missing !== undefined) {
      const base = { step: index + 1, actor: describeActor(step.actor), action: step.action, resource: step.resource, purpose: step.purpose };
      const reason = `no principal plays ${actorPart(missing)}`;
      const who = principals.length > 0 && !caller ? principals.map((session) => session.name) : ["no principal"];
      for (const principal of who) steps.push({ ...base, principal, decision: "ImplicitlyDenied", ok: false, reason });
      return;
    }
    for (const session of caller ? principals.slice(0, 1) : principals) {
      // A session that assumes a planned role, or tags its session of it, needs the role's trust as well as its own policies.
      const assumed = !caller && assumeActions.has(step.action) ? roles.get(step.resource) : undefined;
      const result = caller
        ? simulate({ action: step.action, resource: step.resource, context: step.context, caller: { service: caller.service } }, { identity: [], resource: session.trust, resourceRequired: true })
        : simulate(
            { action: step.action, resource: step.resource, context: { ...session.context, ...step.context }, ...(assumed ? { caller: { arn: session.arn, account: session.context["aws:PrincipalAccount"] } } : {}) },
            { identity: session.identity, boundary: session.boundary, ...(assumed ? { resource: assumed.trust, resourceRequired: true } : {}) },
          );
      const ok = (result.decision === "Allowed") === (workflow.expect === "allowed");
      steps.push({
        step: index + 1,
        actor: describeActor(step.actor),
        principal: session.name,
        action: step.action,
        resource: step.resource,
        purpose: step.purpose,
        decision: result.decision,
        ok,
        reason: assumed && result.decision === "ImplicitlyDenied" && !result.matched.some((matched) => matched.policy === "resource" && matched.effect === "Allow") && result.matched.some((matched) => matched.policy === "identity" && matched.effect === "Allow")
          ? `the trust policy of ${assumed.name} does not allow it`
          : explain(session, result, caller !== undefined),
      });
    }
  });
  return { name: workflow.name, title: workflow.title, expect: workflow.expect, subject, sources: [...workflow.sources], passed: steps.every((step) => step.ok), steps };
}

/**
 * The workflows of one list, built for the team; a problem with the declaration or config is collected, naming
 * the workflow and key. A workflow that names the role of an actor the stack does not declare is built with
 * `withUnplayedRoles`, whose stand-in roles {@link proveWorkflow} fails the steps on.
 */
function buildWorkflows(plan: PlanFile, names: readonly string[], expect: WorkflowExpectation, team: TeamResources, withUnplayedRoles: TeamResources, problems: string[]): Workflow[] {
  const file = stackConfigFile(plan.stack, plan.env);
  const workflows: Workflow[] = [];
  for (const name of names) {
    let definition;
    try {
      definition = findWorkflow(name);
    } catch (error) {
      problems.push(`${plan.stack}: workflows.ts: ${(error as Error).message}`);
      continue;
    }
    if (definition.expect !== expect) {
      problems.push(`${plan.stack}: workflows.ts: ${name} is a workflow whose steps must be ${definition.expect}: list it under ${definition.expect === "allowed" ? "must" : "never"}`);
      continue;
    }
    try {
      workflows.push({ name, title: definition.title, expect, sources: definition.sources, steps: buildSteps(definition.steps, team, withUnplayedRoles) });
    } catch (error) {
      if (!(error instanceof MissingWorkflowInputError)) throw error;
      const where = error.key.includes(":") ? `the central stack's config (${error.key})` : `${file}: ${plan.stack}:${error.key}`;
      problems.push(`${plan.stack} (${plan.env}): workflow ${name} needs ${where} ${error.problem}`);
    }
  }
  return workflows;
}

/** A workflow's steps for the team, or, when they name a role no declared actor plays, for the team with stand-ins for those. */
function buildSteps(steps: (team: TeamResources) => WorkflowStep[], team: TeamResources, withUnplayedRoles: TeamResources): WorkflowStep[] {
  try {
    return steps(team);
  } catch (error) {
    if (error instanceof MissingWorkflowInputError && error.key.startsWith("actors.")) return steps(withUnplayedRoles);
    throw error;
  }
}

/**
 * Proves a stack's declared workflows with the simulation engine over its plan and its upstream plans (which
 * hold the boundary and the shared policies): every step of every `must` workflow allowed, every step of every
 * `never` workflow denied, for each principal of the step's actor; a step needing a part no principal plays
 * fails ("no principal plays the Studio execution role"). Throws {@link WorkflowDeclarationError} when the
 * declaration names an unknown workflow, an output that is no principal, or needs config the stack lacks.
 */
export function proveStackWorkflows(plan: PlanFile, plans: readonly PlanFile[], declaration: TeamWorkflows): WorkflowResult[] {
  const problems: string[] = [];
  const config = ownConfig(plan);
  const principals = planPrincipals(plans);
  const roleOf = (arn: string) => principals.find((principal) => principal.arn === arn);
  const actors = actorPrincipals(plan, principals, declaration, configuredPeople(config)[0], problems);
  const args = {
    team: plan.stack,
    env: plan.env,
    scope: { partition: plan.partition, region: plan.region, account: plan.account },
    config,
    central: centralResources(plans),
    roles: Object.fromEntries([...actors].map(([actor, list]) => [actor, list[0]!.arn])),
  };
  const team = new TeamResources(args);
  const unplayedActors = workflowActors.filter((actor) => !actors.has(actor));
  const unplayedRoles = new Map(unplayedActors.map((actor) => [actor, unplayedRoleArn(plan, actor)]));
  const withUnplayedRoles = new TeamResources({ ...args, roles: { ...Object.fromEntries(unplayedRoles), ...args.roles } });
  // Matched by path and name, so the instance profile named after an unplayed instance role is caught too.
  const unplayed = new Map([...unplayedRoles].map(([actor, arn]) => [arn.slice(arn.indexOf(":role/") + ":role".length), actor]));
  const results: WorkflowResult[] = [];
  const teamSubject = `the principals of ${plan.stack}`;
  const assumable = new Map(principals.flatMap((principal) => (principal.kind === "role" && principal.trust ? [[principal.arn, { name: principal.name, trust: principal.trust }] as const] : [])));
  for (const workflow of [...buildWorkflows(plan, declaration.must, "allowed", team, withUnplayedRoles, problems), ...buildWorkflows(plan, declaration.never, "denied", team, withUnplayedRoles, problems)]) {
    results.push(proveWorkflow(workflow, teamSubject, actors, unplayed, assumable));
  }
  for (const proof of declaration.policies) {
    const arn = plan.outputs[proof.policy];
    const policy = principals.flatMap((principal) => principal.policies).find((held) => held.arn === arn && held.document) ?? planPolicy(plans, arn);
    if (!policy?.document || !policy.arn) {
      problems.push(`${plan.stack}: workflows.ts: policies names the output ${proof.policy}, which is not a managed policy of the plan`);
      continue;
    }
    const boundary = roleOf(String(plan.outputs.accessRoleArn))?.boundary?.document ?? principals.find((principal) => principal.stack === plan.stack && principal.boundary?.document)?.boundary?.document;
    const holder = policyHolder(plan, { name: policy.name, arn: policy.arn, document: policy.document }, boundary, { [teamTagKey]: plan.stack });
    const alone = new Map<WorkflowActor, SessionPrincipal[]>([["person", [holder]]]);
    const subject = `a role holding only ${policy.name}`;
    for (const workflow of [...buildWorkflows(plan, proof.must, "allowed", team, withUnplayedRoles, problems), ...buildWorkflows(plan, proof.never, "denied", team, withUnplayedRoles, problems)]) {
      results.push(proveWorkflow(workflow, subject, alone, unplayed));
    }
  }
  if (problems.length > 0) throw new WorkflowDeclarationError(problems);
  return results;
}

/** A managed policy of the plans by ARN, with its document. */
function planPolicy(plans: readonly PlanFile[], arn: unknown): PlanPrincipal["policies"][number] | undefined {
  for (const plan of plans) {
    for (const { newState: resource } of plan.steps) {
      if (resource.type === "aws:iam/policy:Policy" && resource.outputs.arn === arn && typeof resource.inputs.policy === "string") {
        return { name: String(resource.outputs.name), arn: String(arn), document: JSON.parse(resource.inputs.policy) };
      }
    }
  }
  return undefined;
}

/** One line per failed step of the results: the workflow, the step, the principal, and why. */
export function workflowFailures(results: readonly WorkflowResult[]): string[] {
  return results.flatMap((result) =>
    result.steps
      .filter((step) => !step.ok)
      .map(
        (step) =>
          `workflow ${result.name}${result.subject.startsWith("a role holding") ? ` (${result.subject})` : ""}, step ${step.step} (${step.purpose}): ` +
          `${step.action} on ${step.resource} as ${step.actor} (${step.principal}) must be ${result.expect}, but ${step.reason}`,
      ),
  );
}
