import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const workspaceRoot = join(__dirname, "../../..");
const contractFile = join(workspaceRoot, "libs/contracts/src/central-ai.ts");
const consumer = join(workspaceRoot, "stacks/data-scientists/src/index.ts");
const producer = join(workspaceRoot, "stacks/central-ai/src/index.ts");

let previous: ts.Program | undefined;
const sourceFiles = new Map<string, ts.SourceFile | undefined>();

/** Type-checks the two stacks with the central contract's source replaced, as if someone edited it. */
function diagnosticsWithContract(contractSource: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(workspaceRoot, "stacks/data-scientists/tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  })!;
  const host = ts.createCompilerHost({ ...config.options, noEmit: true });
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === contractFile ? contractSource : readFile(file));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => {
    if (file === contractFile) return getSourceFile(file, language);
    if (!sourceFiles.has(file)) sourceFiles.set(file, getSourceFile(file, language));
    return sourceFiles.get(file);
  };
  // Reusing the previous program keeps the unchanged declaration files (Pulumi's are large) parsed once.
  const program = ts.createProgram({ rootNames: [consumer, producer], options: { ...config.options, noEmit: true }, host, oldProgram: previous });
  previous = program;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === consumer || d.file?.fileName === producer)
    .map((d) => `${d.file!.fileName.replace(workspaceRoot + "/", "")}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

describe("the central AI contract", () => {
  const original = readFileSync(contractFile, "utf8");

  it("type-checks its producer and consumers as committed", () => {
    expect(diagnosticsWithContract(original)).toEqual([]);
  });

  it("breaks the producer's and a consumer's typecheck when an output is renamed", () => {
    const renamed = original.replace("datasetsReadPolicyArn:", "datasetsReadOnlyPolicyArn:");
    expect(renamed).not.toBe(original);
    const diagnostics = diagnosticsWithContract(renamed);
    expect(diagnostics.some((d) => d.startsWith("stacks/data-scientists/src/index.ts") && d.includes("datasetsReadPolicyArn"))).toBe(true);
    expect(diagnostics.some((d) => d.startsWith("stacks/central-ai/src/index.ts") && d.includes("datasetsReadPolicyArn"))).toBe(true);
  });
});
