import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { extraArgsProblems } from "./extra-args";

/** The Pulumi commands a team stack's targets run. */
export type PulumiCommand = "preview" | "up" | "refresh" | "destroy";

/** Options of the `@ml-iam/tools:pulumi` executor (schema.json). */
export interface PulumiExecutorOptions {
  command: PulumiCommand;
  /** The Pulumi stack name, e.g. dev or prod. */
  env?: string;
  /** The Pulumi organization; the stack becomes `<organization>/<env>`. */
  organization?: string;
  /** A policy pack directory, relative to the workspace root (preview and up). */
  policyPack?: string;
  /** Fail when anything would change: the drift check (preview and refresh). */
  expectNoChanges?: boolean;
  /** destroy only: the stack's qualified name, typed to confirm. */
  confirm?: string;
  /** Further pulumi options (an allowlist: see extra-args.ts), after the executor's own. */
  extraArgs?: string[];
}

/** The Nx project a target runs for. */
export interface StackProject {
  /** The Nx project name, also the Pulumi project name. */
  name: string;
  /** The project root relative to the workspace root, e.g. stacks/central-ai. */
  root: string;
  /** Absolute path of the workspace root. */
  workspaceRoot: string;
}

/** A process to start: the program, its arguments and the directory it starts in. */
export interface PulumiCommandLine {
  file: "pulumi";
  args: string[];
  cwd: string;
}

const namePattern = /^[A-Za-z0-9_.-]+$/;
const policyPackCommands: readonly PulumiCommand[] = ["preview", "up"];
const driftCheckCommands: readonly PulumiCommand[] = ["preview", "refresh"];

/**
 * The name `--confirm` must repeat for destroy: the project is part of it, so one value cannot confirm
 * the destruction of every team's stack in a `run-many`.
 */
export function qualifiedStackName(options: Pick<PulumiExecutorOptions, "env" | "organization">, project: string): string {
  const env = options.env ?? "dev";
  return options.organization ? `${options.organization}/${project}/${env}` : `${project}/${env}`;
}

function problemsOf(options: PulumiExecutorOptions, project: StackProject): string[] {
  const { command } = options;
  const env = options.env ?? "dev";
  const problems: string[] = [];
  const envExists = namePattern.test(env) && existsSync(join(project.workspaceRoot, project.root, `Pulumi.${env}.yaml`));
  if (!namePattern.test(env)) {
    problems.push(`env ${JSON.stringify(env)} is not a Pulumi stack name: use letters, digits, "_", "." and "-", e.g. --env=prod`);
  } else if (!envExists) {
    problems.push(`${project.root}/Pulumi.${env}.yaml does not exist: ${project.name} has no env ${env}`);
  }
  if (options.organization !== undefined && !namePattern.test(options.organization)) {
    problems.push(`organization ${JSON.stringify(options.organization)} is not a Pulumi organization name`);
  }
  if (options.policyPack !== undefined) {
    if (!policyPackCommands.includes(command)) {
      problems.push(`policyPack applies to preview and up, not ${command}: drop --policyPack`);
    } else if (!existsSync(resolve(project.workspaceRoot, options.policyPack))) {
      problems.push(`policy pack ${options.policyPack} does not exist (paths are relative to the workspace root)`);
    }
  }
  if (options.expectNoChanges && !driftCheckCommands.includes(command)) {
    problems.push(`expectNoChanges is a drift check of preview and refresh, not ${command}: drop --expectNoChanges`);
  }
  problems.push(...extraArgsProblems(options.extraArgs ?? []));
  // Asking to confirm the destruction of a stack that does not exist would only add noise.
  if (command === "destroy" && envExists) {
    const name = qualifiedStackName(options, project.name);
    if (options.confirm !== name) {
      problems.push(
        `destroy deletes the IAM principals and policies of ${name}, and jobs running under them lose access: ` +
          `confirm with --confirm=${name}` +
          (options.confirm === undefined ? "" : ` (got --confirm=${options.confirm})`),
      );
    }
  }
  return problems;
}

/**
 * The `pulumi` invocation for a target: non-interactive, on the project's own directory and the env's
 * stack. Throws one error listing every problem with the options, naming the project and env.
 */
export function pulumiCommandLine(options: PulumiExecutorOptions, project: StackProject): PulumiCommandLine {
  const env = options.env ?? "dev";
  const problems = problemsOf(options, project);
  if (problems.length > 0) {
    throw new Error(`${project.name}:${options.command} --env=${env}: ${problems.join("; ")}`);
  }
  const { command } = options;
  const stack = options.organization ? `${options.organization}/${env}` : env;
  const args: string[] = [command, "--stack", stack, "--cwd", project.root, "--non-interactive"];
  // Without a terminal Pulumi cannot ask "Do you want to perform this update?": --yes answers it.
  // `up` still previews first, so the log shows what it changes before it does.
  if (command !== "preview") args.push("--yes");
  if (command !== "destroy") args.push("--diff");
  // Pulumi changes into --cwd before reading --policy-pack, so the pack's path is made absolute.
  if (options.policyPack !== undefined) args.push("--policy-pack", resolve(project.workspaceRoot, options.policyPack));
  if (options.expectNoChanges) args.push("--expect-no-changes");
  args.push(...(options.extraArgs ?? []));
  return { file: "pulumi", args, cwd: project.workspaceRoot };
}

/** The command line as a shell would show it, for the log. */
export function formatCommandLine(commandLine: PulumiCommandLine): string {
  const quote = (arg: string) => (/^[A-Za-z0-9_./=:@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return [commandLine.file, ...commandLine.args].map(quote).join(" ");
}
