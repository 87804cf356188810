import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { workspaceRoot } from "../testing";
import { addContractSources, exportedNames, listsContract, removeContractSources, type ContractSources } from "./contract-sources";
import { teamStackNames } from "./team-stack-names";

const workspaceSources: ContractSources = {
  index: readFileSync(join(workspaceRoot, "libs/contracts/src/index.ts"), "utf8"),
  registry: readFileSync(join(workspaceRoot, "libs/contracts/src/contract-registry.ts"), "utf8"),
};

/** The syntax errors of a source, as the compiler reports them. */
const syntaxErrors = (source: string) =>
  (ts.transpileModule(source, { reportDiagnostics: true }).diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, " "));

const registryWith = (entries: string) => `import { alpha } from "./alpha";\nimport { gamma } from "./gamma";\n\nexport const contracts = ${entries};\n`;
const indexWith = `export { alpha, type AlphaOutputs } from "./alpha";\nexport { gamma, type GammaOutputs } from "./gamma";\n`;

describe("the contracts lib's index and registry edits", () => {
  it.each([
    ["first", "aardvark", 'import { aardvark } from "./aardvark";\nimport { centralAi }'],
    ["between two", "forecasting", 'import { distributedMl } from "./distributed-ml";\nimport { forecasting } from "./forecasting";\nimport { identity }'],
    ["last", "zeta", 'import { zeta } from "./zeta";\n\n'],
  ])("puts a contract %s in module order, and the result compiles", (_, team, imports) => {
    const added = addContractSources(workspaceSources, teamStackNames(team));
    expect(added.registry).toContain(imports);
    expect(added.registry).toContain(`  [${teamStackNames(team).contract}.project]: ${teamStackNames(team).contract},\n`);
    expect(added.index).toContain(`export { ${teamStackNames(team).contract}, type ${teamStackNames(team).outputsType} } from "./${team}";\n`);
    expect(syntaxErrors(added.registry)).toEqual([]);
    expect(syntaxErrors(added.index)).toEqual([]);
  });

  it.each(["aardvark", "forecasting", "zeta"])("restores both files byte for byte when %s is removed again", (team) => {
    const names = teamStackNames(team);
    expect(removeContractSources(addContractSources(workspaceSources, names), names)).toEqual(workspaceSources);
  });

  it("removes a hand-written contract's lines", () => {
    const names = teamStackNames("distributed-ml");
    const removed = removeContractSources(workspaceSources, names);
    expect(removed.index).not.toContain("distributedMl");
    expect(removed.registry).not.toContain("distributedMl");
    expect(listsContract(removed, names)).toBe(false);
    expect(listsContract(workspaceSources, names)).toBe(true);
  });

  it.each([
    ["written on one line", "{ [alpha.project]: alpha, [gamma.project]: gamma }", "{ [alpha.project]: alpha, [beta.project]: beta, [gamma.project]: gamma }"],
    ["without a trailing comma", "{\n  [alpha.project]: alpha\n}", "{\n  [alpha.project]: alpha,\n  [beta.project]: beta\n}"],
    ["that is empty", "{}", "{\n  [beta.project]: beta,\n}"],
    ["of shorthand entries, behind satisfies", "{\n  alpha,\n  gamma,\n} satisfies Record<string, unknown>", "{\n  alpha,\n  [beta.project]: beta,\n  gamma,\n} satisfies Record<string, unknown>"],
  ])("adds to a registry object %s", (_, entries, expected) => {
    const names = teamStackNames("beta");
    const added = addContractSources({ index: indexWith, registry: registryWith(entries) }, names);
    expect(added.registry).toContain(`export const contracts = ${expected};`);
    expect(syntaxErrors(added.registry)).toEqual([]);
    expect(removeContractSources(added, names).registry).toBe(registryWith(entries));
  });

  it("keeps a comment with the declaration below it", () => {
    const registry = `import { alpha } from "./alpha";\n// Gamma is special.\nimport { gamma } from "./gamma";\n\nexport const contracts = { alpha, gamma };\n`;
    const added = addContractSources({ index: indexWith, registry }, teamStackNames("beta"));
    expect(added.registry).toContain('import { beta } from "./beta";\n// Gamma is special.\nimport { gamma }');
    expect(removeContractSources(added, teamStackNames("beta")).registry).toBe(registry);
  });

  it("names the file when the registry has no contracts object to list the contract in", () => {
    expect(() => addContractSources({ index: indexWith, registry: 'import { alpha } from "./alpha";\nexport const all = [alpha];\n' }, teamStackNames("beta"))).toThrow(
      "libs/contracts/src/contract-registry.ts has no `const contracts = { ... }` object literal",
    );
  });

  it("refuses a contract the files already list", () => {
    expect(() => addContractSources(workspaceSources, teamStackNames("data-scientists"))).toThrow('already has a declaration from "./data-scientists"');
  });

  it("reads the names the index exports", () => {
    expect(exportedNames(workspaceSources.index)).toEqual(expect.arrayContaining(["arnSchema", "centralAi", "contracts", "CentralAiOutputs", "defineStackContract"]));
  });
});
