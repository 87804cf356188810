import { generateFiles, getProjects, logger, type GeneratorCallback, type Tree } from "@nx/devkit";
import type { PersonaName } from "@ml-iam/iam";
import { addTeam, githubTeamHandle, teamName, teamOfStack, type TeamsRegistry } from "@ml-iam/team-stack";
import { personaWorkflows, type WorkflowName, type WorkflowPersona } from "@ml-iam/workflows";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { addContractSources, contractRegistryFile, contractsIndexFile, exportedNames, listsContract } from "../contract-sources";
import { setIdentityUpstreamIn } from "../identity-stack";
import { updateSolutionReferencesIn } from "../solution-references";
import { readTeamsRegistryIn, teamsRegistryPath, writeTeamsRegistryIn } from "../team-ownership";
import { centralStack, identifiersOf, teamNameProblems, teamStackNames, type TeamStackNames } from "../team-stack-names";
import { updateLockfileIn } from "../workspace-lockfile";

/** Options of `nx g @ml-iam/tools:team-stack`, as schema.json describes them. */
export interface TeamStackGeneratorSchema {
  name: string;
  persona?: string;
  /** Producer stacks besides central-ai, comma-separated or repeated. */
  consumes?: string | string[];
  owner?: string;
}

/** What the generated stack needs of an access persona: how it reads, and which of its policies is the team's. */
interface AccessPersona {
  title: string;
  /** The persona policy the contract exports as the team's `policyArn`. */
  teamPolicy: string;
  /** It runs SageMaker jobs as the execution role, so it passes that role. */
  runsJobs: boolean;
  /** It reads the team's own buckets (the shared ones come from central-ai). */
  readsTeamDatasets: boolean;
  /** It works in a Studio domain, when the team has one. */
  studio: boolean;
  /** It pulls the team's images, when the team lists their repositories. */
  images: boolean;
  /** Its policies pass the rule registry without a warning, so the stack's test can promise a clean plan. */
  warningFree: boolean;
}

/** The personas people of a generated stack can have, through its access role. */
// model-builder and read-only-ml-user allow sagemaker:ListModelPackages on "*", which the rule registry warns about.
export const accessPersonas: Partial<Record<PersonaName, AccessPersona>> = {
  "data-scientist": {
    title: "Data scientist",
    teamPolicy: "studio-and-data",
    runsJobs: true,
    readsTeamDatasets: true,
    studio: true,
    images: false,
    warningFree: true,
  },
  "model-builder": {
    title: "Model builder",
    teamPolicy: "models-and-endpoints",
    runsJobs: true,
    readsTeamDatasets: false,
    studio: false,
    images: true,
    warningFree: false,
  },
  "read-only-ml-user": {
    title: "Read-only ML user",
    teamPolicy: "view",
    runsJobs: false,
    readsTeamDatasets: false,
    studio: false,
    images: false,
    warningFree: false,
  },
};

/**
 * The workflows a generated stack declares: its persona's, less those that need a role it does not generate (a
 * Studio or pipeline role); the team adds them with the role, and sign-in once it has members.
 */
const needsRolesNotGenerated: readonly WorkflowName[] = ["open-studio", "train-from-studio", "run-pipeline"];

/** A generated stack's must and never workflows, from the persona's in libs/workflows. */
export function generatedStackWorkflows(persona: WorkflowPersona): { must: WorkflowName[]; never: WorkflowName[] } {
  const workflows = personaWorkflows[persona];
  return { must: workflows.must.filter((name) => !needsRolesNotGenerated.includes(name)), never: [...workflows.never] };
}

/** Personas of the execution role only: every generated stack's execution role takes sagemaker-compute. */
export const executionPersonas: readonly PersonaName[] = ["sagemaker-compute"];

/** The persona a stack gets without --persona. */
export const defaultPersona = "data-scientist";

/** One env of the new stack: the central stack's env, account and region, which the team's roles share. */
interface StackEnv {
  env: string;
  account: string;
  region: string;
}

/** Everything the generator writes, worked out and checked before anything is written. */
interface TeamStackPlan {
  names: TeamStackNames;
  persona: PersonaName;
  access: AccessPersona;
  upstream: string[];
  envs: StackEnv[];
  repository: string;
  registry: TeamsRegistry;
  contractSources: { index: string; registry: string };
}

const filesDir = join(__dirname, "files");

/** `nx g @ml-iam/tools:team-stack`: a team stack, its contract, its owner in the registry and CODEOWNERS. */
export default function teamStackGenerator(tree: Tree, options: TeamStackGeneratorSchema): GeneratorCallback {
  const plan = planTeamStack(tree, options);
  const { names, access, envs } = plan;
  const testEnv = envs[0]!;
  const substitutions = {
    ...names,
    ...access,
    persona: plan.persona,
    personaTitle: access.title,
    repository: plan.repository,
    implicitDependencies: JSON.stringify(plan.upstream).replace(/,/g, ", "),
    testEnv: testEnv.env,
    testAccount: testEnv.account,
    ...generatedStackWorkflows(plan.persona as WorkflowPersona),
    tmpl: "",
  };
  generateFiles(tree, join(filesDir, "stack"), names.stackRoot, substitutions);
  for (const env of envs) generateFiles(tree, join(filesDir, "env"), names.stackRoot, { ...substitutions, ...env });
  generateFiles(tree, join(filesDir, "contract"), "libs/contracts/src", substitutions);
  tree.write(contractsIndexFile, plan.contractSources.index);
  tree.write(contractRegistryFile, plan.contractSources.registry);
  writeTeamsRegistryIn(tree, plan.registry);
  updateLockfileIn(tree, { add: { root: names.stackRoot, name: names.packageName, version: "0.0.0" } });
  updateSolutionReferencesIn(tree, { add: names.stackRoot });
  // The identity stack plans after every team stack, so that a team its config names has been planned.
  const identityProject = setIdentityUpstreamIn(tree, names.team, true);
  return () => {
    logger.info(`${names.stackRoot}: set the team's members (and buckets, if they differ) in Pulumi.<env>.yaml, then \`npx nx run ${names.team}:plan\`.`);
    if (identityProject) logger.info(`${identityProject}: the team is upstream of the identity stack; give its people permission sets under identity:teams.${names.team} in its config.`);
  };
}

/** Checks every option against the tree and works out what to write; throws listing every problem. */
export function planTeamStack(tree: Tree, options: TeamStackGeneratorSchema): TeamStackPlan {
  const problems: string[] = [];
  const team = options.name ?? "";
  const nameProblems = teamNameProblems(team);
  problems.push(...nameProblems);

  const personaName = options.persona ?? defaultPersona;
  const access = accessPersonas[personaName as PersonaName];
  const choices = Object.keys(accessPersonas).join(", ");
  if (!access) {
    problems.push(
      executionPersonas.includes(personaName as PersonaName)
        ? `--persona ${personaName} configures only the execution role, which every team stack gives it: choose one of ${choices}`
        : `--persona ${JSON.stringify(personaName)} is not a persona: choose one of ${choices} (libs/iam/src/personas/persona-registry.ts)`,
    );
  }

  const registry = readTeamsRegistryIn(tree);
  const names = teamStackNames(team);
  // Nx refuses a workspace where two projects share a name, so every command would fail after generating one.
  const projects = getProjects(tree);
  if (nameProblems.length === 0) {
    const project = projects.get(team);
    if (tree.exists(names.stackRoot)) problems.push(`--name ${team}: ${names.stackRoot} already exists`);
    else if (project) problems.push(`--name ${team}: Nx project ${team} already exists (${project.root}); choose another name`);
    if (registry.teams.some((entry) => entry.stack === team)) problems.push(`--name ${team}: ${teamsRegistryPath} already lists stack ${team}`);
    problems.push(...contractProblems(tree, names));
  }

  const consumed = [options.consumes ?? []].flat().flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
  for (const producer of consumed) {
    // Checked as a team name first: a path such as ../libs/iam must never reach a file lookup or implicitDependencies.
    const producerName = teamName.safeParse(producer);
    const project = projects.get(producer);
    if (!producerName.success) problems.push(`--consumes ${JSON.stringify(producer)} ${producerName.error.issues[0]!.message}`);
    else if (producer === team) problems.push(`--consumes ${producer}: a stack cannot consume itself`);
    else if (project && project.root !== `stacks/${producer}`) problems.push(`--consumes ${producer}: Nx project ${producer} is at ${project.root}, not a stack under stacks/`);
    else if (!project || !tree.exists(`stacks/${producer}/project.json`)) problems.push(`--consumes ${producer}: there is no stack ${producer} (stacks/${producer}/project.json)`);
  }
  // The generated program attaches the central boundary, so central-ai is always upstream.
  const upstream = [...new Set([centralStack, ...consumed])].sort();

  const owner = options.owner ?? `${registry.platformTeam.split("/")[0]}/ml-${team}`;
  const ownerCheck = githubTeamHandle.safeParse(owner);
  if (options.owner !== undefined && !ownerCheck.success) problems.push(`--owner ${JSON.stringify(owner)} ${ownerCheck.error.issues[0]!.message}`);

  const central = centralConfig(tree, registry, problems);
  if (problems.length > 0) {
    throw new Error(`cannot generate team stack ${team || "(no --name)"}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
  const contractSources = addContractSources(
    { index: tree.read(contractsIndexFile, "utf-8")!, registry: tree.read(contractRegistryFile, "utf-8")! },
    names,
  );
  return {
    names,
    persona: personaName as PersonaName,
    access: access!,
    upstream,
    envs: central.envs,
    repository: central.repository,
    registry: addTeam(registry, { stack: team, githubTeam: owner, envs: central.envs.map((env) => env.env) }),
    contractSources,
  };
}

/** The contract's file, its lines in the contracts lib and its name in TypeScript must all be free. */
function contractProblems(tree: Tree, names: TeamStackNames): string[] {
  const index = tree.read(contractsIndexFile, "utf-8");
  const registry = tree.read(contractRegistryFile, "utf-8");
  if (index === null || registry === null) return [`${contractsIndexFile} and ${contractRegistryFile} must exist: the new contract is listed in both`];
  const problems: string[] = [];
  if (tree.exists(names.contractFile)) problems.push(`--name ${names.team}: ${names.contractFile} already exists`);
  else if (listsContract({ index, registry }, names)) problems.push(`--name ${names.team}: the contracts lib already lists ${names.contractModule}`);
  if (exportedNames(index).includes(names.contract)) {
    problems.push(`--name ${names.team}: its contract would be exported as \`${names.contract}\`, which ${contractsIndexFile} already exports; choose another name`);
  } else if (templateIdentifiers().has(names.contract)) {
    problems.push(`--name ${names.team}: its contract would be imported as \`${names.contract}\`, a name the generated files already use; choose another name`);
  }
  return problems;
}

/** Every identifier of the TypeScript templates, EJS tags left out: the contract's name must not shadow one. */
function templateIdentifiers(): Set<string> {
  const files = (directory: string): string[] =>
    readdirSync(directory).flatMap((entry) => {
      const path = join(directory, entry);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const identifiers = new Set<string>();
  for (const file of files(filesDir).filter((path) => path.endsWith(".ts__tmpl__"))) {
    for (const identifier of identifiersOf(readFileSync(file, "utf8").replace(/<%[\s\S]*?%>/g, " "))) identifiers.add(identifier);
  }
  return identifiers;
}

/**
 * The new stack's envs, accounts, regions and repository, as the central stack has them: team roles carry the
 * central boundary, which exists in the central stack's account of each env.
 */
function centralConfig(tree: Tree, registry: TeamsRegistry, problems: string[]): { envs: StackEnv[]; repository: string } {
  let envNames: string[];
  try {
    envNames = teamOfStack(registry, centralStack).envs;
  } catch (error) {
    problems.push((error as Error).message);
    return { envs: [], repository: "" };
  }
  const envs: StackEnv[] = [];
  let repository = "";
  for (const env of envNames) {
    const file = `stacks/${centralStack}/Pulumi.${env}.yaml`;
    let config: Record<string, unknown>;
    try {
      config = (parse(tree.read(file, "utf-8") ?? "") as { config?: Record<string, unknown> } | null)?.config ?? {};
    } catch (error) {
      problems.push(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    const account = (config["aws:allowedAccountIds"] as unknown[] | undefined)?.[0];
    const region = config["aws:region"];
    const centralRepository = config[`${centralStack}:repository`];
    if (typeof account !== "string" || typeof region !== "string" || typeof centralRepository !== "string") {
      problems.push(`${file} must set aws:region, aws:allowedAccountIds and ${centralStack}:repository: the new stack takes them from there`);
      continue;
    }
    envs.push({ env, account, region });
    repository = centralRepository;
  }
  return { envs, repository };
}
