import { asList, formatFinding, validatePolicy, type Finding, type PolicyDocumentJson, type PolicyKind } from "@ml-iam/iam";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { policyNestingProblem, policyTextProblem } from "../policy-input-limits";
import { UsageError } from "../usage-error";

/** The lint command's line in `ml-iam help`. */
export const lintUsage =
  "lint <policy.json>... [--kind identity|trust|boundary|inline] [--json]   check policy documents against the rule registry; exit 1 on errors";

const kinds: readonly PolicyKind[] = ["identity", "trust", "boundary", "inline"];

/** A finding of one linted file, as `--json` prints it: absent fields are null, so every key is always there. */
export interface LintFinding {
  file: string;
  code: string;
  severity: Finding["severity"];
  statement: number | null;
  action: string | null;
  resource: string | null;
  message: string;
}

interface LintOptions {
  files: string[];
  kind?: PolicyKind;
  json: boolean;
}

/** Node's messages can quote the input across lines; a usage error is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function parseLintArgs(args: string[]): LintOptions {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { kind: { type: "string" }, json: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(oneLine((error as Error).message));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`lint needs at least one policy file: ${lintUsage.split("   ")[0]}`);
  const kind = values.kind;
  if (kind !== undefined && !kinds.includes(kind as PolicyKind)) {
    throw new UsageError(`--kind must be one of ${kinds.join(", ")}, got ${JSON.stringify(kind)}`);
  }
  return { files: positionals, kind: kind as PolicyKind | undefined, json: values.json ?? false };
}

const readErrors: Record<string, string> = { ENOENT: "no such file", EACCES: "permission denied", EISDIR: "is a directory" };

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === undefined ? (error as Error).message : `${readErrors[code] ?? "failed"} (${code})`;
    throw new UsageError(oneLine(`cannot read ${file}: ${reason}`));
  }
  const size = policyTextProblem(text);
  if (size !== undefined) throw new UsageError(`${file} ${size}`);
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(oneLine(`${file} is not JSON: ${(error as Error).message}`));
  }
  const nesting = policyNestingProblem(document);
  if (nesting !== undefined) throw new UsageError(`${file} ${nesting}`);
  return document;
}

/** A document whose every statement names a Principal is a trust policy; anything else is linted as a managed policy. */
function detectKind(document: unknown): PolicyKind {
  if (typeof document !== "object" || document === null || Array.isArray(document)) return "identity";
  const statements = asList((document as PolicyDocumentJson).Statement);
  const namesPrincipal = (statement: unknown) =>
    typeof statement === "object" && statement !== null && ("Principal" in statement || "NotPrincipal" in statement);
  return statements.length > 0 && statements.every(namesPrincipal) ? "trust" : "identity";
}

/**
 * `ml-iam lint <policy.json>... [--kind …] [--json]`: runs the rule registry over each document, the same
 * rules construction and the policy pack run. Every file is read before anything is printed, so bad input
 * is a UsageError alone. Returns 1 when any finding is an error, 0 otherwise (warnings do not fail).
 */
export async function runLint(args: string[], print: (line: string) => void): Promise<number> {
  const options = parseLintArgs(args);
  const documents = options.files.map((file) => ({ file, document: readDocument(file) }));
  const findings = documents.flatMap(({ file, document }) =>
    // validatePolicy reports a JSON value that is not a policy document (INVALID_DOCUMENT) rather than trusting the type.
    validatePolicy(document as PolicyDocumentJson, { kind: options.kind ?? detectKind(document) }).map((finding) => ({ file, finding })),
  );
  if (options.json) {
    const json: LintFinding[] = findings.map(({ file, finding }) => ({
      file,
      code: finding.code,
      severity: finding.severity,
      statement: finding.statement ?? null,
      action: finding.action ?? null,
      resource: finding.resource ?? null,
      message: finding.message,
    }));
    print(JSON.stringify({ findings: json }));
  } else {
    for (const { file, finding } of findings) print(`${file}: ${formatFinding(finding)}`);
  }
  return findings.some(({ finding }) => finding.severity === "error") ? 1 : 0;
}
