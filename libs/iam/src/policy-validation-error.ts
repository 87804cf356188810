import { formatFinding, type Finding } from "./finding";

/** Thrown when a policy has error-severity findings; the message lists every one of them. */
export class PolicyValidationError extends Error {
  constructor(
    readonly policyName: string,
    readonly findings: readonly Finding[],
  ) {
    const errors = findings.filter((finding) => finding.severity === "error");
    super(
      `policy ${policyName} is invalid (${errors.length} error${errors.length === 1 ? "" : "s"}):\n` +
        errors.map((finding) => `  - ${formatFinding(finding)}`).join("\n"),
    );
    this.name = "PolicyValidationError";
  }
}
