/** How bad a finding is: errors stop construction and deploys; warnings are reported. */
export type Severity = "error" | "warning";

/** One problem found in a policy document. */
export interface Finding {
  code: string;
  severity: Severity;
  /** 0-based index of the statement, or undefined for document-level findings. */
  statement?: number;
  action?: string;
  resource?: string;
  message: string;
}

/** Renders a finding as one line: `error UNKNOWN_ACTION statement 0 (s3:GetObjet): message`. */
export function formatFinding(finding: Finding): string {
  const where = finding.statement === undefined ? "document" : `statement ${finding.statement}`;
  const subject = [finding.action, finding.resource].filter(Boolean).join(" on ");
  return `${finding.severity} ${finding.code} ${where}${subject ? ` (${subject})` : ""}: ${finding.message}`;
}
