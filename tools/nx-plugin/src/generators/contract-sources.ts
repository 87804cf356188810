import { applyChangesToString, ChangeType, type StringChange } from "@nx/devkit";
import ts from "typescript";
import type { TeamStackNames } from "./team-stack-names";

/** The contracts lib's public exports: one line per contract module. */
export const contractsIndexFile = "libs/contracts/src/index.ts";
/** The contracts lib's registry: an import and an entry of `contracts` per contract. */
export const contractRegistryFile = "libs/contracts/src/contract-registry.ts";

/** The two sources of the contracts lib that list every contract. */
export interface ContractSources {
  index: string;
  registry: string;
}

type ContractNames = Pick<TeamStackNames, "contract" | "contractModule" | "outputsType">;

// The edits are made on the TypeScript syntax tree, not on text patterns: the anchors are the import and
// export declarations (by module path) and the properties of the `contracts` object literal (by the contract
// they hold). New lines go where the sorted order puts them, so that adding then removing a team restores
// the files byte for byte, and a file that lost its anchors is an error naming it, not a silent mis-edit.

/** The index and registry with one more contract, each line in module (or contract) order. */
export function addContractSources(sources: ContractSources, names: ContractNames): ContractSources {
  const index = parse(contractsIndexFile, sources.index);
  const registry = parse(contractRegistryFile, sources.registry);
  const entries = contractsObject(registry);
  return {
    index: applyChangesToString(sources.index, [
      insertStatement(index, exportDeclarations(index), names.contractModule, `export { ${names.contract}, type ${names.outputsType} } from "${names.contractModule}";`),
    ]),
    registry: applyChangesToString(sources.registry, [
      insertStatement(registry, importDeclarations(registry), names.contractModule, `import { ${names.contract} } from "${names.contractModule}";`),
      insertProperty(registry, entries, names.contract, `[${names.contract}.project]: ${names.contract}`),
    ]),
  };
}

/** The index and registry without a contract; what is already gone stays gone. */
export function removeContractSources(sources: ContractSources, names: ContractNames): ContractSources {
  const index = parse(contractsIndexFile, sources.index);
  const registry = parse(contractRegistryFile, sources.registry);
  const entry = contractsObject(registry).properties.find((property) => contractOfProperty(property) === names.contract);
  const removeIndex = exportDeclarations(index).filter((statement) => moduleOf(statement) === names.contractModule);
  const removeImport = importDeclarations(registry).filter((statement) => moduleOf(statement) === names.contractModule);
  return {
    index: applyChangesToString(sources.index, removeIndex.map((statement) => deleteLines(index, statement))),
    registry: applyChangesToString(sources.registry, [
      ...removeImport.map((statement) => deleteLines(registry, statement)),
      ...(entry ? [deleteProperty(registry, entry)] : []),
    ]),
  };
}

/** The contract exports the index lists: what a new contract's names must not collide with. */
export function exportedNames(indexSource: string): string[] {
  const index = parse(contractsIndexFile, indexSource);
  return exportDeclarations(index).flatMap((statement) =>
    statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements.map((element) => element.name.text) : [],
  );
}

/** Whether the sources already list a contract: by its module in either file, or its entry in the registry. */
export function listsContract(sources: ContractSources, names: ContractNames): boolean {
  const index = parse(contractsIndexFile, sources.index);
  const registry = parse(contractRegistryFile, sources.registry);
  return (
    exportDeclarations(index).some((statement) => moduleOf(statement) === names.contractModule) ||
    importDeclarations(registry).some((statement) => moduleOf(statement) === names.contractModule) ||
    contractsObject(registry).properties.some((property) => contractOfProperty(property) === names.contract)
  );
}

function parse(fileName: string, source: string): ts.SourceFile {
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

type ModuleStatement = (ts.ImportDeclaration | ts.ExportDeclaration) & { moduleSpecifier: ts.StringLiteral };

function moduleOf(statement: ModuleStatement): string {
  return statement.moduleSpecifier.text;
}

function hasModule(statement: ts.Statement): statement is ModuleStatement {
  return (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && !!statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier);
}

function importDeclarations(file: ts.SourceFile): (ModuleStatement & ts.ImportDeclaration)[] {
  return file.statements.filter((statement): statement is ModuleStatement & ts.ImportDeclaration => hasModule(statement) && ts.isImportDeclaration(statement));
}

function exportDeclarations(file: ts.SourceFile): (ModuleStatement & ts.ExportDeclaration)[] {
  return file.statements.filter((statement): statement is ModuleStatement & ts.ExportDeclaration => hasModule(statement) && ts.isExportDeclaration(statement));
}

/** The object literal of `const contracts = { ... }`, through any `as` or `satisfies`. */
function contractsObject(file: ts.SourceFile): ts.ObjectLiteralExpression {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== "contracts") continue;
      let value = declaration.initializer;
      while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value))) value = value.expression;
      if (value && ts.isObjectLiteralExpression(value)) return value;
    }
  }
  throw new Error(`${file.fileName} has no \`const contracts = { ... }\` object literal to list the contract in: restore it, or edit the file by hand`);
}

/** The contract a registry entry holds: `[c.project]: c` or `c`. */
function contractOfProperty(property: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
  if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer)) return property.initializer.text;
  return undefined;
}

/** Inserts a line before the first statement whose module sorts after `module`, or after the last one. */
function insertStatement(file: ts.SourceFile, statements: ModuleStatement[], module: string, line: string): StringChange {
  if (statements.some((statement) => moduleOf(statement) === module)) {
    throw new Error(`${file.fileName} already has a declaration from "${module}"`);
  }
  const next = statements.find((statement) => moduleOf(statement) > module);
  if (next) return { type: ChangeType.Insert, index: attachedStart(file, next), text: `${line}\n` };
  const last = statements.at(-1);
  if (!last) throw new Error(`${file.fileName} has no import or export declaration to put \`${line}\` beside: add it by hand`);
  return { type: ChangeType.Insert, index: last.end, text: `\n${line}` };
}

/** Where a node starts with the comments right above it (no blank line between): they go with it. */
function attachedStart(file: ts.SourceFile, node: ts.Node): number {
  let start = node.getStart();
  for (const comment of [...(ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? [])].reverse()) {
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(file.text.slice(comment.end, start))) break;
    start = comment.pos;
  }
  return start;
}

/** The indentation before a node that starts its line (its line is then the unit of edits); undefined when it shares it. */
function indentationOf(file: ts.SourceFile, node: ts.Node): string | undefined {
  const start = node.getStart();
  const lineStart = file.text.lastIndexOf("\n", start - 1) + 1;
  const before = file.text.slice(lineStart, start);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Inserts an entry in contract order; one per line when the object is written one per line. */
function insertProperty(file: ts.SourceFile, object: ts.ObjectLiteralExpression, contract: string, entry: string): StringChange {
  if (object.properties.some((property) => contractOfProperty(property) === contract)) {
    throw new Error(`${file.fileName} already lists ${contract} in contracts`);
  }
  const properties = [...object.properties];
  const next = properties.find((property) => (contractOfProperty(property) ?? "") > contract);
  if (next) {
    const indentation = indentationOf(file, next);
    return { type: ChangeType.Insert, index: next.getStart(), text: indentation === undefined ? `${entry}, ` : `${entry},\n${indentation}` };
  }
  const last = properties.at(-1);
  if (!last) return { type: ChangeType.Insert, index: object.getStart() + 1, text: `\n  ${entry},\n` };
  const indentation = indentationOf(file, last);
  const comma = object.properties.hasTrailingComma ? file.text.indexOf(",", last.end) + 1 : undefined;
  const separator = indentation === undefined ? " " : `\n${indentation}`;
  return comma === undefined
    ? { type: ChangeType.Insert, index: last.end, text: `,${separator}${entry}` }
    : { type: ChangeType.Insert, index: comma, text: `${separator}${entry},` };
}

/** Deletes from a node's line start through its line's newline, when nothing else shares the line. */
function deleteLines(file: ts.SourceFile, node: ts.Node, end = node.end): StringChange {
  const text = file.text;
  const indentation = indentationOf(file, node);
  const start = indentation === undefined ? node.getStart() : attachedStart(file, node) - indentation.length;
  const rest = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(end));
  return { type: ChangeType.Delete, start, length: end + (rest ? rest[0].length : 0) - start };
}

/** Deletes a registry entry with its comma, its whole line when it has one to itself. */
function deleteProperty(file: ts.SourceFile, property: ts.ObjectLiteralElementLike): StringChange {
  const object = property.parent as ts.ObjectLiteralExpression;
  const position = object.properties.indexOf(property);
  const previous = object.properties[position - 1];
  const next = object.properties[position + 1];
  // The only entry: the object goes back to `{}`.
  if (!previous && !next) return { type: ChangeType.Delete, start: object.getStart() + 1, length: object.end - 1 - (object.getStart() + 1) };
  // The last entry of an object without a trailing comma: the comma before it goes with it.
  if (previous && !next && !object.properties.hasTrailingComma) return { type: ChangeType.Delete, start: previous.end, length: property.end - previous.end };
  if (indentationOf(file, property) !== undefined) {
    const afterComma = /^\s*,/.exec(file.text.slice(property.end));
    return deleteLines(file, property, property.end + (afterComma ? afterComma[0].length : 0));
  }
  if (next) return { type: ChangeType.Delete, start: property.getStart(), length: next.getStart() - property.getStart() };
  return { type: ChangeType.Delete, start: previous!.end, length: property.end - previous!.end };
}
