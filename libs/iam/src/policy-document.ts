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

/**
 * Validates a statement list, then checks and renders it as canonical JSON once every Input resolves:
 * throws {@link PolicyValidationError} listing all errors, reports warnings, returns the JSON.
 */
export function checkAndRender(statements: readonly ResolvedStatement[], options: PolicyDocumentOptions = {}): string {
  const name = options.name ?? "(unnamed)";
  const document = toPolicyJson(statements);
  const findings = validatePolicy(document, { kind: options.kind ?? "identity", quotas: options.quotas });
  if (findings.some((finding) => finding.severity === "error")) throw new PolicyValidationError(name, findings);
  const warn = options.onWarning ?? ((finding, policyName) => void pulumi.log.warn(`policy ${policyName}: ${formatFinding(finding)}`));
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
