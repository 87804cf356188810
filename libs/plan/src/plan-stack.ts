import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { awsPartitionOfRegion, collectPolicyWarnings, partitionOfRegion } from "@ml-iam/iam";
import { clearRecordedReferences, contractOf, recordedStackReferences } from "@ml-iam/contracts";
import { dirname, join } from "node:path";
import hostProcess from "node:process";
import type { PlanScope } from "./aws-identity-assignment";
import { PlanError } from "./plan-error";
import type { PlanFile, PlannedResource } from "./plan-file";
import { RecordingMocks } from "./recording-mocks";
import { readStackConfigFile, type StackConfig } from "./stack-config-file";
import { upstreamArnScopeProblems } from "./upstream-arn-scope";
import { unplannedGroupMembers } from "./unplanned-group-members";
import type { WorkspaceStack } from "./workspace-stacks";

/** What planning one stack and env needs. */
export interface PlanStackOptions {
  stack: WorkspaceStack;
  env: string;
  /** The Pulumi organization stack references resolve in; `organization` is the DIY backends' default. */
  organization?: string;
  /** Reads an upstream stack's plan for the same env, or undefined when it has not been planned. */
  upstreamPlan(project: string, env: string): PlanFile | undefined;
}

interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getProtect(): boolean;
  getDeletebeforereplace(): boolean;
}

interface MockMonitorLike {
  registerResource(request: RegisterResourceRequest, callback: unknown): unknown;
  getRegisteredResources(): Map<string, { urn: string }>;
}

interface PromiseOutput {
  promise(): Promise<unknown>;
}

function scopeOf(config: StackConfig, configFile: string): PlanScope {
  const region = config.values["aws:region"];
  // AWS's own partitions data decides what a region is, as the SDKs do.
  if (typeof region !== "string" || awsPartitionOfRegion(region) === undefined) {
    throw new Error(`${configFile}: aws:region must be an AWS region such as us-east-1, got ${JSON.stringify(region)}`);
  }
  const accounts = config.values["aws:allowedAccountIds"];
  if (!Array.isArray(accounts) || accounts.length !== 1 || !/^\d{12}$/.test(String(accounts[0]))) {
    throw new Error(
      `${configFile}: aws:allowedAccountIds must hold exactly the env's one 12-digit account id, got ${JSON.stringify(accounts)}`,
    );
  }
  return { partition: partitionOfRegion(region), region, account: String(accounts[0]) };
}

/** Resource types of IAM Identity Center and its Identity Store. */
const identityCenterTypePattern = /^aws:(identitystore|ssoadmin)\//;

/**
 * An upstream stack's planned outputs for one env, checked against its contract and, for a team stack, against
 * its scope: every ARN it hands over must be of the consumer's partition and account.
 */
function upstreamOutputs(options: PlanStackOptions, project: string, env: string, scope: PlanScope): Record<string, unknown> {
  const plan = options.upstreamPlan(project, env);
  if (!plan) throw new Error(`upstream stack ${project} has no plan for ${env}: plan it first (npx nx run ${project}:plan)`);
  const contract = contractOf(project);
  const parsed = contract?.schema.safeParse(plan.outputs);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`upstream stack ${project} (${env}) does not honour its contract: output ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  // The identity stack reads every env's account on purpose: its permission sets are assigned there.
  const problems = options.stack.identity ? [] : upstreamArnScopeProblems({ project, env, outputs: plan.outputs, consumer: scope });
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return plan.outputs;
}

/**
 * Checks that every upstream stack has a plan for this env holding every output of its contract. The identity
 * stack's one env reads its upstream stacks' envs by name, so their plans are read as its references ask.
 */
function upstreamOutputsOf(options: PlanStackOptions, scope: PlanScope): Map<string, Record<string, unknown>> {
  const byProject = new Map<string, Record<string, unknown>>();
  if (options.stack.identity) return byProject;
  for (const project of options.stack.upstream) byProject.set(project, upstreamOutputs(options, project, options.env, scope));
  return byProject;
}

/** Clears the stack's own modules from the require cache, so each env runs the program afresh. */
function forgetStackModules(directory: string): void {
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(directory + "/") && !file.includes("/node_modules/")) delete require.cache[file];
  }
}

async function resolveOutputs(exported: unknown): Promise<Record<string, unknown>> {
  const module = (exported ?? {}) as Record<string, unknown>;
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(module)) {
    if (key === "__esModule" || typeof value === "function") continue;
    resolved[key] = await (pulumi.output(value) as unknown as PromiseOutput).promise();
  }
  return resolved;
}

async function waitForRegistrations(): Promise<void> {
  // The runtime's own RPC queue: resources registered from inside applies are only done when it drains.
  await (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/**
 * Runs one stack program for one env in-process with recording mocks, and returns its plan.
 * Throws {@link PlanError} naming the stack, env, file and problem; it writes nothing itself.
 */
export async function planStack(options: PlanStackOptions): Promise<PlanFile> {
  const { stack, env } = options;
  const organization = options.organization ?? "organization";
  const configFile = `stacks/${stack.name}/Pulumi.${env}.yaml`;
  const fail = (problem: string): never => {
    throw new PlanError(stack.name, env, problem);
  };

  let config: StackConfig;
  let scope: PlanScope;
  let upstream: Map<string, Record<string, unknown>>;
  try {
    config = readStackConfigFile(join(stack.directory, `Pulumi.${env}.yaml`));
    scope = scopeOf(config, configFile);
    upstream = upstreamOutputsOf(options, scope);
  } catch (error) {
    return fail((error as Error).message);
  }

  const mocks = new RecordingMocks(scope, (stackName) => {
    const [, project, referencedEnv] = stackName.split("/");
    if (stack.identity && project && referencedEnv && stack.upstream.includes(project)) return upstreamOutputs(options, project, referencedEnv, scope);
    const outputs = project ? upstream.get(project) : undefined;
    if (!project || !outputs || referencedEnv !== env) {
      throw new Error(
        `StackReference ${stackName} is not an upstream stack of ${stack.name} for ${env}: declare it in stacks/${stack.name}/project.json implicitDependencies`,
      );
    }
    return outputs;
  });
  const registrations = new Map<string, { parent?: string; protect: boolean; deleteBeforeReplace: boolean }>();
  const errors: string[] = [];
  const diagnostics: PlanFile["diagnostics"] = [];
  const onRejection = (reason: unknown) => errors.push(reason instanceof Error ? reason.message : String(reason));
  const log = pulumi.log as { warn: (message: string) => Promise<void>; error: (message: string) => Promise<void> };
  const originalLog = { warn: log.warn, error: log.error };

  pulumi.runtime.setAllConfig(config.runtime, config.secretKeys);
  await pulumi.runtime.setMocks(mocks, stack.name, env, true, organization);
  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    registrations.set(`${request.getType()}::${request.getName()}`, {
      parent: request.getParent() || undefined,
      protect: request.getProtect(),
      deleteBeforeReplace: request.getDeletebeforereplace(),
    });
    return register(request, callback);
  };
  clearRecordedReferences();
  forgetStackModules(dirname(stack.main));
  // While the program runs, its unhandled rejections (failed registrations) are the plan's errors, not the host's.
  const hostListeners = hostProcess.listeners("unhandledRejection");
  hostProcess.removeAllListeners("unhandledRejection");
  hostProcess.on("unhandledRejection", onRejection);
  log.warn = async (message) => void diagnostics.push({ severity: "warning", message });
  const stopCollecting = collectPolicyWarnings((message) => diagnostics.push({ severity: "warning", message }));
  log.error = async (message) => void errors.push(message);
  // Pulumi keeps a stack trace with every output of every resource, for leak reports a plan never prints; taking
  // none while the program runs makes registration several times faster, most where traces are source-mapped.
  // A failed program is reported by its error's message, which keeps nothing of the trace.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let outputs: Record<string, unknown> = {};
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is loaded by path, as Pulumi does
    outputs = await resolveOutputs(require(stack.main));
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    // Let every registration settle, failed ones included, before the host gets its listeners back.
    await waitForRegistrations().catch((error: unknown) => errors.push(String(error)));
    for (let tick = 0; tick < 3; tick++) await new Promise((resolve) => setImmediate(resolve));
    Error.stackTraceLimit = stackTraceLimit;
    hostProcess.off("unhandledRejection", onRejection);
    for (const listener of hostListeners) hostProcess.on("unhandledRejection", listener);
    log.warn = originalLog.warn;
    stopCollecting();
    log.error = originalLog.error;
  }
  if (errors.length > 0) fail([...new Set(errors)].join("\n"));
  // Identity Center is administered from one account for the whole organization: a team stack that planned its
  // resources would fail to deploy from a workload account, and would hand the organization's identity to a team.
  const identityCenterResource = stack.identity ? undefined : mocks.resources.find((resource) => identityCenterTypePattern.test(resource.type));
  if (identityCenterResource) {
    fail(`it plans the Identity Center resource ${identityCenterResource.type} "${identityCenterResource.name}", which only the identity stack (stacks/identity) may plan`);
  }
  const unplannedMember = unplannedGroupMembers(mocks.resources)[0];
  if (unplannedMember) {
    fail(`its group membership "${unplannedMember.membership}" names the IAM user ${unplannedMember.user}, which it does not create: create it in this stack (members with their PGP keys), or sign the person in through Identity Center (stacks/identity)`);
  }

  const urns = [...monitor.getRegisteredResources().keys()];
  const steps = mocks.resources.map((resource) => {
    const urn = urns.find((candidate) => {
      const parts = candidate.split("::");
      return parts[parts.length - 1] === resource.name && parts[2]?.split("$").pop() === resource.type;
    });
    const planned: PlannedResource = {
      urn: urn ?? `urn:pulumi:${env}::${stack.name}::${resource.type}::${resource.name}`,
      ...resource,
      ...(resource.id === undefined ? { id: undefined } : {}),
    };
    const registered = registrations.get(`${resource.type}::${resource.name}`);
    if (registered?.parent) planned.parent = registered.parent;
    if (registered?.protect) planned.protect = true;
    if (registered?.deleteBeforeReplace) planned.deleteBeforeReplace = true;
    if (planned.id === undefined) delete planned.id;
    return { op: "create" as const, urn: planned.urn, newState: planned };
  });
  steps.sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));

  return {
    version: 1,
    stack: stack.name,
    env,
    organization,
    ...scope,
    config: config.values,
    steps,
    changeSummary: { create: steps.length },
    outputs,
    references: recordedStackReferences().map((reference) => ({ ...reference, keys: [...reference.keys].sort() })),
    planValues: mocks.planValues,
    diagnostics,
    // Proven after the program runs, by the analysis of the plan (see readStackWorkflows).
    workflows: [],
  };
}
