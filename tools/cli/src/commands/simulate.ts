import { asList, type PolicyDocumentJson } from "@ml-iam/iam";
import { simulate } from "@ml-iam/analysis";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { policyNestingProblem, policyTextProblem } from "../policy-input-limits";
import { UsageError } from "../usage-error";

/** The command's line in `ml-iam help`. */
export const simulateUsage =
  "simulate --policy <file>... [--boundary <file>] --action <action> --resource <arn> [--context key=value]... [--json]   how IAM decides one request";

/**
 * `ml-iam simulate`: decides one request against identity policy documents (JSON files) and an optional
 * permissions boundary, printing Allowed, ExplicitlyDenied or ImplicitlyDenied, or with `--json` the
 * decision and the statements that apply. A context key given twice is multivalued. Exit code 0 for any
 * decision; bad input is a UsageError (exit code 2).
 */
export async function runSimulate(args: string[], print: (line: string) => void): Promise<number> {
  const values = parseSimulateArgs(args);
  const identity = values.policy.map(readPolicyFile);
  const boundary = values.boundary === undefined ? undefined : readPolicyFile(values.boundary);
  const result = simulate(
    { action: values.action, resource: values.resource, context: parseContext(values.context) },
    boundary === undefined ? { identity } : { identity, boundary },
  );
  print(values.json ? JSON.stringify(result, null, 2) : result.decision);
  return 0;
}

interface SimulateArgs {
  policy: string[];
  boundary?: string;
  action: string;
  resource: string;
  context: string[];
  json: boolean;
}

function parseSimulateArgs(args: string[]): SimulateArgs {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        policy: { type: "string", multiple: true, default: [] },
        boundary: { type: "string" },
        action: { type: "string" },
        resource: { type: "string" },
        context: { type: "string", multiple: true, default: [] },
        json: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`simulate: ${(error as Error).message}`);
  }
  if (values.policy.length === 0) throw new UsageError("simulate: give at least one identity policy with --policy <file>");
  if (!values.action) throw new UsageError("simulate: give the action to decide with --action <service:Action>");
  if (!values.resource) throw new UsageError("simulate: give the resource with --resource <arn> (or --resource '*' for actions that take none)");
  return { policy: values.policy, boundary: values.boundary, action: values.action, resource: values.resource, context: values.context, json: values.json };
}

/**
 * `key=value` pairs into a request context. Key names are case-insensitive, as in IAM: a key given again
 * (in any case) gains another value and becomes multivalued.
 */
function parseContext(pairs: readonly string[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  const spelling = new Map<string, string>();
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    if (equals <= 0) throw new UsageError(`simulate: --context ${pair} is not key=value (for example --context aws:RequestTag/team=ml)`);
    const name = pair.slice(0, equals);
    const key = spelling.get(name.toLowerCase()) ?? name;
    spelling.set(name.toLowerCase(), key);
    const value = pair.slice(equals + 1);
    const existing = context[key];
    context[key] = existing === undefined ? value : [...(typeof existing === "string" ? [existing] : existing), value];
  }
  return context;
}

function readPolicyFile(file: string): PolicyDocumentJson {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`simulate: cannot read policy file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const size = policyTextProblem(text);
  if (size !== undefined) throw new UsageError(`simulate: ${file} ${size}`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`simulate: ${file} is not valid JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  const nesting = policyNestingProblem(document);
  if (nesting !== undefined) throw new UsageError(`simulate: ${file} ${nesting}`);
  const statement = (document as { Statement?: unknown } | null)?.Statement;
  if (typeof document !== "object" || document === null || Array.isArray(document) || typeof statement !== "object" || statement === null) {
    throw new UsageError(`simulate: ${file} is not a policy document: it needs a Statement object or list`);
  }
  // IAM rejects a malformed statement (`"Effect": "deny"`, null) rather than deciding on the rest of the document.
  asList(statement as PolicyDocumentJson["Statement"]).forEach((entry: unknown, index) => {
    const effect = (entry as { Effect?: unknown } | null)?.Effect;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new UsageError(`simulate: ${file}: statement ${index} is not an object, so IAM would reject the document`);
    if (effect !== "Allow" && effect !== "Deny") throw new UsageError(`simulate: ${file}: statement ${index} has Effect ${JSON.stringify(effect)}: IAM accepts only "Allow" or "Deny"`);
    if (!("Action" in entry) && !("NotAction" in entry)) throw new UsageError(`simulate: ${file}: statement ${index} has neither Action nor NotAction, so IAM would reject the document`);
  });
  return document as PolicyDocumentJson;
}
