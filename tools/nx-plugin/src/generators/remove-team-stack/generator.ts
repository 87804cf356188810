import { logger, visitNotIgnoredFiles, type Tree } from "@nx/devkit";
import { removeTeam, teamName } from "@ml-iam/team-stack";
import ts from "typescript";
import { contractRegistryFile, contractsIndexFile, listsContract, removeContractSources } from "../contract-sources";
import { identityConfigsListing, identityStackRootIn, setIdentityUpstreamIn } from "../identity-stack";
import { updateSolutionReferencesIn } from "../solution-references";
import { readTeamsRegistryIn, teamsRegistryPath, writeTeamsRegistryIn } from "../team-ownership";
import { centralStack, teamStackNames, type TeamStackNames } from "../team-stack-names";
import { updateLockfileIn } from "../workspace-lockfile";

/** Options of `nx g @ml-iam/tools:remove-team-stack`, as schema.json describes them. */
export interface RemoveTeamStackGeneratorSchema {
  name: string;
  /** The operator's statement that the stack was destroyed in every env. */
  destroyed?: boolean;
}

/** Folders whose TypeScript may use a contract. */
const sourceRoots = ["libs", "stacks", "tools", "bench"];

/** `nx g @ml-iam/tools:remove-team-stack`: takes out a destroyed team stack and everything that lists it. */
export default function removeTeamStackGenerator(tree: Tree, options: RemoveTeamStackGeneratorSchema): void {
  const names = checkRemoval(tree, options);
  const removed: string[] = [];
  if (tree.exists(names.stackRoot)) {
    tree.delete(names.stackRoot);
    removed.push(names.stackRoot);
  }
  if (tree.exists(names.contractFile)) {
    tree.delete(names.contractFile);
    removed.push(names.contractFile);
  }
  const sources = { index: tree.read(contractsIndexFile, "utf-8")!, registry: tree.read(contractRegistryFile, "utf-8")! };
  if (listsContract(sources, names)) {
    const remaining = removeContractSources(sources, names);
    tree.write(contractsIndexFile, remaining.index);
    tree.write(contractRegistryFile, remaining.registry);
    removed.push(`${names.contract} from ${contractsIndexFile} and ${contractRegistryFile}`);
  }
  const registry = readTeamsRegistryIn(tree);
  if (registry.teams.some((entry) => entry.stack === names.team)) {
    writeTeamsRegistryIn(tree, removeTeam(registry, names.team));
    removed.push(`${names.team} from ${teamsRegistryPath} and CODEOWNERS`);
  }
  const identityProject = setIdentityUpstreamIn(tree, names.team, false);
  if (identityProject) removed.push(`${names.team} from ${identityProject} implicitDependencies`);
  updateLockfileIn(tree, { remove: { root: names.stackRoot, name: names.packageName, version: "0.0.0" } });
  updateSolutionReferencesIn(tree, { remove: names.stackRoot });
  logger.info(`removed ${removed.join("; ")}`);
}

/** Checks that the team can go; throws listing every reason it cannot. */
export function checkRemoval(tree: Tree, options: RemoveTeamStackGeneratorSchema): TeamStackNames {
  const team = options.name ?? "";
  const parsed = teamName.safeParse(team);
  if (!parsed.success) throw new Error(`cannot remove team stack: --name ${JSON.stringify(team)} ${parsed.error.issues[0]!.message}`);
  const names = teamStackNames(team);
  const registry = readTeamsRegistryIn(tree);
  const entry = registry.teams.find((candidate) => candidate.stack === team);
  const sources = { index: tree.read(contractsIndexFile, "utf-8") ?? "", registry: tree.read(contractRegistryFile, "utf-8") ?? "" };
  const problems: string[] = [];

  if (team === centralStack) {
    problems.push(`--name ${team}: ${centralStack} holds the permissions boundary and shared policies of every team stack; it is not removed with this generator`);
  } else if (!tree.exists(names.stackRoot) && !entry && !tree.exists(names.contractFile) && !listsContract(sources, names)) {
    problems.push(`--name ${team}: there is no team stack ${team} (no ${names.stackRoot}, no entry in ${teamsRegistryPath}, no contract)`);
  } else {
    const consumers = stacksConsuming(tree, team);
    if (consumers.length > 0) {
      problems.push(
        `--name ${team}: ${consumers.join(", ")} ${consumers.length > 1 ? "list" : "lists"} ${team} in implicitDependencies: destroy and remove ${consumers.length > 1 ? "them" : "it"} first, or drop ${team} from ${consumers.length > 1 ? "their" : "its"} project.json`,
      );
    }
    // The identity stack reads every team it gives permission sets: those go first, with a deploy of it.
    for (const file of identityConfigsListing(tree, team)) {
      problems.push(`--name ${team}: ${file} gives its people permission sets (identity:teams.${team}): drop them there and deploy the identity stack first`);
    }
    const users = filesUsingContract(tree, names);
    if (users.length > 0) problems.push(`--name ${team}: ${users.join(", ")} ${users.length > 1 ? "use" : "uses"} its contract \`${names.contract}\`: change ${users.length > 1 ? "them" : "it"} first`);
    if (!options.destroyed) {
      const envs = entry?.envs ?? envsOf(tree, names.stackRoot);
      const destroy = envs.map((env) => `npx nx run ${team}:destroy --env=${env} --confirm=${team}/${env}`);
      problems.push(
        `--destroyed is required: ${team} may still have resources in AWS, and there is no state backend here to check. ` +
          `Destroy every env first (${destroy.join("; ") || `npx nx run ${team}:destroy --env=<env>`}), then pass --destroyed to say you did`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`cannot remove team stack ${team}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  return names;
}

/** The other stacks that list `team` as upstream; the identity stack's upstream is kept by its config instead. */
function stacksConsuming(tree: Tree, team: string): string[] {
  const identity = identityStackRootIn(tree);
  return tree
    .children("stacks")
    .filter((stack) => stack !== team && `stacks/${stack}` !== identity && tree.exists(`stacks/${stack}/project.json`))
    .filter((stack) => {
      const project = JSON.parse(tree.read(`stacks/${stack}/project.json`, "utf-8")!) as { implicitDependencies?: string[] };
      return project.implicitDependencies?.includes(team) ?? false;
    })
    .sort();
}

/** TypeScript files, other than the ones removed with the team, that import its contract. */
function filesUsingContract(tree: Tree, names: TeamStackNames): string[] {
  const ownFiles = new Set([names.contractFile, contractsIndexFile, contractRegistryFile]);
  const users: string[] = [];
  for (const root of sourceRoots.filter((path) => tree.exists(path))) {
    visitNotIgnoredFiles(tree, root, (path) => {
      if (!path.endsWith(".ts") || ownFiles.has(path) || path.startsWith(`${names.stackRoot}/`)) return;
      const source = tree.read(path, "utf-8") ?? "";
      if (source.includes(names.contract) && importsContract(path, source, names)) users.push(path);
    });
  }
  return users.sort();
}

/** Whether a source imports (or re-exports) the contract from @ml-iam/contracts, or from its module inside the lib. */
function importsContract(path: string, source: string, names: TeamStackNames): boolean {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return file.statements.some((statement) => {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) return false;
    const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : "";
    if (path.startsWith("libs/contracts/") && module === names.contractModule) return true;
    if (module !== "@ml-iam/contracts") return false;
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause;
    // A namespace import reaches every contract: count it when the file names this one.
    if (!bindings || ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings)) return true;
    return bindings.elements.some((element) => (element.propertyName ?? element.name).text === names.contract);
  });
}

/** The envs a stack has config for: its Pulumi.<env>.yaml files. */
function envsOf(tree: Tree, stackRoot: string): string[] {
  if (!tree.exists(stackRoot)) return [];
  return tree
    .children(stackRoot)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((env): env is string => env !== undefined)
    .sort();
}
