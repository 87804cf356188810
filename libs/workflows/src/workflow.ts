import type { KnownAction } from "@ml-iam/iam";

/**
 * Who makes a request, by its part in the workflow: a person (the session of the role people reach the
 * team's access through, or of their Identity Center permission set), an IAM user of the team signing in
 * (a member of its group, before any role), or a role a service runs as.
 */
export type WorkflowActor = "person" | "user" | "studio" | "job" | "pipeline" | "model" | "instance";

/** Every actor, in the order reports list them. */
export const workflowActors: readonly WorkflowActor[] = ["person", "user", "studio", "job", "pipeline", "model", "instance"];

/** What each actor is, for reports and errors. */
export const actorDescriptions: Readonly<Record<WorkflowActor, string>> = {
  person: "a person of the team (access role or permission set session)",
  user: "an IAM user of the team (a member of its group, signing in)",
  studio: "the Studio execution role (notebooks and SDK calls in Studio)",
  job: "the job role (SageMaker training and processing jobs)",
  pipeline: "the pipeline role (SageMaker Pipelines)",
  model: "the model role (SageMaker models and endpoints)",
  instance: "the instance role (EC2 training nodes)",
};

/** A service assuming one of the team's roles, which that role's trust policy decides. */
export interface ServiceCaller {
  /** The service principal, e.g. `sagemaker.amazonaws.com`. */
  service: string;
  /** The role it assumes, by its part in the workflow. */
  assumes: WorkflowActor;
}

/** Request context values: a list is multivalued (`aws:TagKeys`), a string single-valued. */
export type WorkflowContext = Readonly<Record<string, string | readonly string[]>>;

/**
 * One request AWS authorizes: who makes it, the action, the resource, and the context keys AWS sets on it
 * (request tags on create, `iam:PassedToService`, `aws:ResourceTag/...` of what already exists, ...).
 * Keys that come from the principal (its tags, ARN, account, MFA) are added by the prover from the plan.
 */
export interface WorkflowStep {
  /** The actor whose session makes the request, or the service that assumes an actor's role. */
  actor: WorkflowActor | ServiceCaller;
  action: KnownAction;
  /** The resource's ARN, or `*` for an action without resource-level permissions. */
  resource: string;
  context: WorkflowContext;
  /** What the call is for, in a few words: `upload sourcedir.tar.gz`. */
  purpose: string;
}

/** Whether a workflow's steps must all be allowed, or must each be denied. */
export type WorkflowExpectation = "allowed" | "denied";

/** A named, ordered list of requests, built from the team's config and the conventions. */
export interface Workflow {
  /** The catalog name, kebab-case: `train-from-laptop`. */
  name: string;
  title: string;
  expect: WorkflowExpectation;
  /** The AWS pages the steps follow: Service Authorization Reference, SageMaker and EC2 guides. */
  sources: readonly string[];
  steps: readonly WorkflowStep[];
}

/** A step's actor as words: `person`, or `sagemaker.amazonaws.com assuming job`. */
export function describeActor(actor: WorkflowStep["actor"]): string {
  return typeof actor === "string" ? actor : `${actor.service} assuming the ${actor.assumes} role`;
}
