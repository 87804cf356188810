import * as pulumi from "@pulumi/pulumi";
import { formatFinding, type Finding } from "./finding";
import type { PolicyKind } from "./policy-json";
import { PolicyValidationError } from "./policy-validation-error";
import type { Quotas } from "./quotas";
import { renderPolicyJson, toPolicyJson, type ResolvedStatement } from "./render-policy";
import type { Statement } from "./statement";
import { validatePolicy } from "./validate-policy";

/** Options of {@link policyDocument}. */
export interface PolicyDocumentOptions {
  /** Which quotas and rules apply; `identity` (a managed policy) by default. */
  kind?: PolicyKind;
  /** Names the policy in errors and warnings, e.g. `data-scientists/access`. */
  name?: string;
  quotas?: Partial<Quotas>;
  /** Receives warnings; `pulumi.log.warn` by default. */
  onWarning?: (finding: Finding, policyName: string) => void;
}

// A host running programs in-process (the offline plan) collects warnings here: kept on the global object
// so that a program loaded with its own module registry (a test runner) still reports to the same place.
const warningSinkKey = Symbol.for("ml-iam-platform.policyWarningSink");

/** Sends policy warnings to `sink` instead of the Pulumi log until the returned function is called. */
export function collectPolicyWarnings(sink: (message: string) => void): () => void {
  const global = globalThis as Record<symbol, unknown>;
  const previous = global[warningSinkKey];
  global[warningSinkKey] = sink;
  return () => {
    global[warningSinkKey] = previous;
  };
}

function reportWarning(finding: Finding, policyName: string): void {
  const message = `policy ${policyName}: ${formatFinding(finding)}`;
  const sink = (globalThis as Record<symbol, unknown>)[warningSinkKey] as ((message: string) => void) | undefined;
  if (sink) sink(message);
  else void pulumi.log.warn(message);
}

/**
 * Validates a statement list, then checks and renders it as canonical JSON once every Input resolves:
 * throws {@link PolicyValidationError} listing all errors, reports warnings, returns the JSON.
 */
export function checkAndRender(statements: readonly ResolvedStatement[], options: PolicyDocumentOptions = {}): string {
  const name = options.name ?? "(unnamed)";
  const document = toPolicyJson(statements);
  const findings = validatePolicy(document, { kind: options.kind ?? "identity", quotas: options.quotas });
  if (findings.some((finding) => finding.severity === "error")) throw new PolicyValidationError(name, findings);
  const warn = options.onWarning ?? reportWarning;
  for (const finding of findings) warn(finding, name);
  return renderPolicyJson(document);
}

/**
 * A policy document as one `Output<string>` of canonical JSON, for `aws.iam.Policy.policy`,
 * `aws.iam.Role.assumeRolePolicy` and friends. Inputs anywhere in the statements are resolved first.
 */
export function policyDocument(
  statements: readonly Statement[],
  options: PolicyDocumentOptions = {},
): pulumi.Output<string> {
  return pulumi
    .output(statements as Statement[])
    .apply((resolved) => checkAndRender(resolved as unknown as ResolvedStatement[], options));
}
