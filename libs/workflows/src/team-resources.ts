import { arnTexts, type ArnBuilders } from "@ml-iam/iam";
import { workflowActors, type WorkflowActor } from "./workflow";

/** A workflow needs something the team's config (or the central stack) does not provide. */
export class MissingWorkflowInputError extends Error {
  constructor(
    /** Where the value comes from: a config key of the stack (`studioDomainId`) or of the central stack. */
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${key} ${problem}`);
    this.name = "MissingWorkflowInputError";
  }
}

/** What the central stack provides every team, read from its plan: the shared datasets and the deploy state. */
export interface CentralResources {
  /** The shared dataset buckets every team reads. */
  datasetBuckets: readonly string[];
  /** The KMS keys of the shared datasets, when they are SSE-KMS encrypted. */
  datasetKmsKeyArns: readonly string[];
  /** The bucket of the Pulumi state, which no team principal may read. */
  stateBucket?: string;
  /** Every team stack the central stack delivers in this env (its deploy roles), this one included. */
  teams: readonly string[];
}

/** Everything a workflow is built from: the team's plan (config, scope), the central stack's, and the roles by actor. */
export interface TeamResourcesArgs {
  team: string;
  env: string;
  scope: { partition: string; region: string; account: string };
  /** The stack's own config, by key without its namespace (`datasetBuckets`). */
  config: Readonly<Record<string, unknown>>;
  central: CentralResources;
  /** The ARN of the role each actor runs as (the first of an actor's principals). */
  roles: Partial<Record<WorkflowActor, string>>;
}

/** The people a team stack's config names, by IAM user name: its group's `members`, or central-ai's `users`. */
export function configuredPeople(config: Readonly<Record<string, unknown>>): string[] {
  return ["members", "users"].flatMap((key) => {
    const value = config[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw new MissingWorkflowInputError(key, "must be a list of strings");
    return value as string[];
  });
}

/**
 * The team's resources as workflows read them: from its config by the keys every team stack uses, and from the
 * conventions. Each accessor throws {@link MissingWorkflowInputError} naming the key a workflow needs.
 */
export class TeamResources {
  readonly team: string;
  readonly env: string;
  readonly scope: TeamResourcesArgs["scope"];
  /** ARN builders of the team's account and region, as text. */
  readonly arn: ArnBuilders<string>;
  readonly central: CentralResources;
  private readonly config: Readonly<Record<string, unknown>>;
  private readonly roles: TeamResourcesArgs["roles"];

  constructor(args: TeamResourcesArgs) {
    this.team = args.team;
    this.env = args.env;
    this.scope = args.scope;
    this.arn = arnTexts(args.scope);
    this.central = args.central;
    this.config = args.config;
    this.roles = args.roles;
  }

  /** A resource named by the team's convention, `<team>-<purpose>`: a job, a pipeline, an endpoint. */
  name(purpose: string): string {
    return `${this.team}-${purpose}`;
  }

  /** A list the config must hold at least one entry of. */
  list(key: string): string[] {
    const value = this.optionalList(key);
    if (value.length === 0) throw new MissingWorkflowInputError(key, "must list at least one value");
    return value;
  }

  /** A list the config may leave out. */
  optionalList(key: string): string[] {
    const value = this.config[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw new MissingWorkflowInputError(key, "must be a list of strings");
    return value as string[];
  }

  /** A single value the config must hold. */
  value(key: string): string {
    const value = this.config[key];
    if (typeof value !== "string" || value === "") throw new MissingWorkflowInputError(key, "must be set");
    return value;
  }

  /** A single value the config may leave out. */
  optionalValue(key: string): string | undefined {
    return this.config[key] === undefined ? undefined : this.value(key);
  }

  /** The first of a list the config must hold. */
  first(key: string): string {
    return this.list(key)[0]!;
  }

  /** The people of the team, by user name (see {@link configuredPeople}). */
  people(): string[] {
    const people = configuredPeople(this.config);
    if (people.length === 0) throw new MissingWorkflowInputError("members", "must name at least one person");
    return people;
  }

  /**
   * The actors the team declares, of those given (all when none are), one per role: where two actors run as one
   * role (a team's models run as its job role), only the first is listed, so its requests are not decided twice.
   */
  actors(among: readonly WorkflowActor[] = workflowActors): WorkflowActor[] {
    const roles = new Set<string>();
    return among.filter((actor) => {
      const role = this.roles[actor];
      if (role === undefined || roles.has(role)) return false;
      roles.add(role);
      return true;
    });
  }

  /** The ARN of the role an actor runs as. */
  role(actor: WorkflowActor): string {
    const arn = this.roles[actor];
    if (arn === undefined) throw new MissingWorkflowInputError(`actors.${actor}`, "must name the stack output of the role (in workflows.ts)");
    return arn;
  }

  /**
   * Other teams of the env, for never-workflows: the two that follow this one in name order (wrapping), so the
   * proof costs the same at any number of teams; a stand-in team when the env has no other.
   */
  otherTeams(): string[] {
    const others = [...new Set(this.central.teams)].filter((team) => team !== this.team).sort();
    if (others.length === 0) return ["another-team"];
    const after = others.filter((team) => team > this.team);
    return [...after, ...others.filter((team) => team < this.team)].slice(0, 2);
  }

  /** The shared dataset buckets, from the central stack. */
  sharedDatasetBuckets(): readonly string[] {
    if (this.central.datasetBuckets.length === 0) throw new MissingWorkflowInputError("central-ai:datasetBuckets", "must list at least one bucket");
    return this.central.datasetBuckets;
  }
}
