import { names } from "@nx/devkit";
import { centralTeam, maxTeamNameLength } from "@ml-iam/iam";
import { teamName } from "@ml-iam/team-stack";
import ts from "typescript";

/** The stack every team stack consumes: its boundary goes on every team role. */
export const centralStack = centralTeam;

/** Where a team's stack and contract live, and the names its contract goes by in TypeScript. */
export interface TeamStackNames {
  team: string;
  /** `stacks/<team>`: the Pulumi project and Nx project. */
  stackRoot: string;
  /** `@ml-iam/<team>`: the stack's npm workspace package. */
  packageName: string;
  /** `libs/contracts/src/<team>.ts`. */
  contractFile: string;
  /** `./<team>`: how the contracts lib's index and registry import the contract. */
  contractModule: string;
  /** The contract's export, camelCase: `dataScientists`. */
  contract: string;
  /** The type of its outputs as plain values: `DataScientistsOutputs`. */
  outputsType: string;
}

/** The names of a team's stack and contract; the team name is not checked here (see {@link teamNameProblems}). */
export function teamStackNames(team: string): TeamStackNames {
  const { propertyName, className } = names(team);
  return {
    team,
    stackRoot: `stacks/${team}`,
    packageName: `@ml-iam/${team}`,
    contractFile: `libs/contracts/src/${team}.ts`,
    contractModule: `./${team}`,
    contract: propertyName,
    outputsType: `${className}Outputs`,
  };
}

/**
 * What is wrong with `--name` as a team name, on its own: not kebab-case or too long (the conventions' rules,
 * said as generator messages), or a TypeScript keyword.
 */
export function teamNameProblems(team: string): string[] {
  // The schema config files use, so `--name` and `--consumes` read as the config would.
  const parsed = teamName.safeParse(team);
  if (!parsed.success) return [`--name ${JSON.stringify(team)} ${parsed.error.issues[0]!.message}`];
  const problems: string[] = [];
  if (team.length > maxTeamNameLength) {
    problems.push(
      `--name ${team} is ${team.length} characters; at most ${maxTeamNameLength}, so that the team's IAM and S3 names stay within AWS's limits`,
    );
  }
  const { contract } = teamStackNames(team);
  const token = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, contract).scan();
  if (token >= ts.SyntaxKind.FirstKeyword && token <= ts.SyntaxKind.LastKeyword) {
    problems.push(`--name ${team}: its contract would be exported as \`${contract}\`, a TypeScript keyword; choose another name`);
  }
  return problems;
}

/** Every identifier a TypeScript source uses, declared or referenced: names a generated contract must not shadow. */
export function identifiersOf(source: string): Set<string> {
  const file = ts.createSourceFile("source.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) found.add(node.text);
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}
