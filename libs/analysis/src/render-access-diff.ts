import type { AccessChange, AccessDiff, PrincipalAccessChange, WorkflowChange } from "./access-diff";
import type { PlanFinding } from "./plan-findings";
import { conditionalMark, describeActions, groupAccess, principalLabel, type AccessGroup } from "./render-access-matrix";

/** How to render an access diff as Markdown. */
export interface AccessDiffMarkdownOptions {
  /** Most characters the result may have; GitHub comments hold 65,536, so the default leaves room around it. */
  budget?: number;
  /** The heading of the whole section, e.g. "Access changes (dev)". */
  title?: string;
  /** Level of the title's heading; principals get one level below. */
  headingLevel?: number;
}

/** A rendered piece and what it stands for, so truncation can say what it left out. */
interface Block {
  text: string;
  findings: number;
  pairs: number;
  principal?: string;
}

/** The longest action list on one line before it continues on the next. */
const actionsPerLine = 60;

const defaultBudget = 60_000;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A finding as one Markdown bullet: severity, code, document, statement, subject and message. */
export function renderFindingMarkdown(finding: PlanFinding): string {
  const statement = finding.sid ? `statement \`${finding.sid}\`` : finding.statement === undefined ? "document" : `statement ${finding.statement}`;
  const subject = [finding.action, finding.resource].filter(Boolean).map((part) => `\`${part}\``).join(" on ");
  const where = `\`${finding.policy}\` (${[finding.stack, finding.kind].filter(Boolean).join(", ")}), ${statement}`;
  return `- **${finding.severity}** \`${finding.code}\` in ${where}${subject ? ` (${subject})` : ""}: ${finding.message}`;
}

function groupLines(group: AccessGroup): string[] {
  const resources = group.resources.map((resource) => `\`${resource}\``).join(", ");
  if (group.allActions || group.actions.length <= actionsPerLine) return [`- **${group.service}** on ${resources}: ${describeActions(group)}`];
  const lines: string[] = [];
  for (let start = 0; start < group.actions.length; start += actionsPerLine) {
    const part = group.actions.slice(start, start + actionsPerLine).join(", ");
    lines.push(start === 0 ? `- **${group.service}** on ${resources}: ${part}` : `  ${part}`);
  }
  return lines;
}

function changeBlocks(label: string, changes: readonly AccessChange[], principal: string): Block[] {
  if (changes.length === 0) return [];
  const blocks: Block[] = [{ text: `${label}:\n`, findings: 0, pairs: 0, principal }];
  for (const group of groupAccess(changes)) {
    const pairs = group.resources.length * (group.allActions?.count ?? group.actions.length);
    blocks.push({ text: `${groupLines(group).join("\n")}\n`, findings: 0, pairs, principal });
  }
  blocks.push({ text: "\n", findings: 0, pairs: 0, principal });
  return blocks;
}

function principalBlocks(change: PrincipalAccessChange, hashes: string): Block[] {
  const stack = change.stack ? ` (${change.stack})` : "";
  const state = change.change === "changed" ? "" : `, ${change.change}`;
  const heading = `${hashes} ${principalLabel(change)}${stack}${state}\n\n\`${change.principal}\`\n\n`;
  const key = change.principal;
  const newlyGranted = change.granted.filter((pair) => !pair.conditionChange);
  const unconditional = change.granted.filter((pair) => pair.conditionChange);
  const revoked = change.revoked.filter((pair) => !pair.conditionChange);
  const conditional = change.revoked.filter((pair) => pair.conditionChange);
  const blocks = [
    { text: heading, findings: 0, pairs: 0, principal: key },
    ...changeBlocks("Granted", newlyGranted, key),
    ...changeBlocks("No longer conditional (widened)", unconditional, key),
    ...changeBlocks("Revoked", revoked, key),
    ...changeBlocks("Now conditional (narrowed)", conditional, key),
  ];
  if (blocks.length === 1) blocks.push({ text: "No access on either side.\n\n", findings: 0, pairs: 0, principal: key });
  return blocks;
}

/** One line that says what changed, for the top of a comment. */
export function summarizeAccessDiff(diff: AccessDiff): string {
  const { new: added, resolved } = diff.findings;
  const errors = added.filter((finding) => finding.severity === "error").length;
  const granted = diff.principals.reduce((sum, change) => sum + change.granted.length, 0);
  const revoked = diff.principals.reduce((sum, change) => sum + change.revoked.length, 0);
  const workflows = diff.workflows.length === 0 ? "" : `; ${plural(diff.workflows.length, "workflow")} proven differently`;
  if (diff.principals.length === 0 && added.length === 0 && resolved.length === 0) {
    return diff.workflows.length === 0 ? "No access changes and no new or resolved findings." : `No access changes and no new or resolved findings${workflows}.`;
  }
  const findings = `${plural(added.length, "new finding")}${errors > 0 ? ` (${plural(errors, "error")})` : ""}, ${resolved.length} resolved`;
  const access =
    diff.principals.length === 0
      ? "no access changes"
      : `access changes for ${plural(diff.principals.length, "principal")}: ${granted} granted, ${revoked} revoked (action, resource) pairs`;
  return `${findings}; ${access}${workflows}.`;
}

/** One line per changed workflow: proven now, no longer proven, or decided differently, with the counts. */
export function describeWorkflowChange(change: WorkflowChange): string {
  const subject = change.subject.startsWith("a role holding") ? `, ${change.subject}` : "";
  const result = (side: WorkflowChange["base"]) => (side ? `${side.passed ? "holds" : "fails"}, ${side.requests} requests` : "");
  const what =
    change.change === "added"
      ? `now declared and proven (${result(change.head)})`
      : change.change === "removed"
        ? `no longer declared (was ${result(change.base)})`
        : `${result(change.base)} → ${result(change.head)}; ${change.decidedNow.length} requests decided anew, ${change.decidedBefore.length} no longer`;
  return `\`${change.name}\` of ${change.stack}${subject}: ${what}`;
}

/**
 * The diff as Markdown for a pull request comment: the summary, new and resolved findings first, then per
 * principal what is granted and revoked. Cut to the budget at a whole line, with a note counting what
 * was left out.
 */
export function renderAccessDiffMarkdown(diff: AccessDiff, options: AccessDiffMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 3;
  const title = `${"#".repeat(level)} ${options.title ?? "Access changes"}\n\n`;
  const sub = "#".repeat(level + 1);
  const blocks: Block[] = [{ text: `${title}${summarizeAccessDiff(diff)} ${conditionalMark} marks what is allowed only under conditions.\n\n`, findings: 0, pairs: 0 }];
  const findingBlocks = (heading: string, findings: readonly PlanFinding[]) =>
    findings.length === 0
      ? []
      : [{ text: `${sub} ${heading}\n\n`, findings: 0, pairs: 0 }, ...findings.map((f) => ({ text: `${renderFindingMarkdown(f)}\n`, findings: 1, pairs: 0 })), { text: "\n", findings: 0, pairs: 0 }];
  blocks.push(...findingBlocks("New findings", diff.findings.new), ...findingBlocks("Resolved findings", diff.findings.resolved));
  if (diff.workflows.length > 0) {
    blocks.push({ text: `${sub} Workflows whose result changed\n\n`, findings: 0, pairs: 0 });
    for (const change of diff.workflows) {
      const details = [...change.decidedNow.map((line) => `  - now ${line}`), ...change.decidedBefore.map((line) => `  - was ${line}`)].slice(0, 20);
      blocks.push({ text: `- ${describeWorkflowChange(change)}\n${details.map((line) => `${line}\n`).join("")}`, findings: 0, pairs: 0 });
    }
    blocks.push({ text: "\n", findings: 0, pairs: 0 });
  }
  for (const change of diff.principals) blocks.push(...principalBlocks(change, sub));
  return fitToBudget(blocks, options.budget ?? defaultBudget);
}

function fitToBudget(blocks: readonly Block[], budget: number): string {
  const whole = blocks.map((block) => block.text).join("");
  if (whole.length <= budget) return whole.trimEnd() + "\n";
  const note = (findings: number, pairs: number, principals: number) =>
    `\n_Truncated to stay under ${budget} characters: ${plural(findings, "finding")} and ${pairs} access changes` +
    ` (in ${plural(principals, "principal")}) are not shown. Run \`ml-iam access-diff\` for the full diff._\n`;
  // Reserve room for the longest note the counts could produce.
  const reserve = note(99_999, 9_999_999, 99_999).length;
  let text = "";
  let index = 0;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (text.length + block.text.length + reserve > budget) break;
    text += block.text;
  }
  const rest = blocks.slice(index);
  const findings = rest.reduce((sum, block) => sum + block.findings, 0);
  const pairs = rest.reduce((sum, block) => sum + block.pairs, 0);
  const principals = new Set(rest.filter((block) => block.pairs > 0).map((block) => block.principal)).size;
  return `${text.trimEnd()}\n${note(findings, pairs, principals)}`;
}

/** The diff as terminal text: findings, then per principal the granted and revoked pairs. */
export function renderAccessDiffText(diff: AccessDiff): string {
  const lines = [summarizeAccessDiff(diff)];
  const findingText = (finding: PlanFinding) =>
    `  ${finding.severity} ${finding.code} in ${finding.policy}${finding.stack ? ` (${finding.stack})` : ""}` +
    `${finding.sid ? ` statement ${finding.sid}` : finding.statement === undefined ? "" : ` statement ${finding.statement}`}` +
    `${finding.action ? ` ${finding.action}` : ""}${finding.resource ? ` on ${finding.resource}` : ""}: ${finding.message}`;
  if (diff.findings.new.length > 0) lines.push("", "new findings:", ...diff.findings.new.map(findingText));
  if (diff.findings.resolved.length > 0) lines.push("", "resolved findings:", ...diff.findings.resolved.map(findingText));
  if (diff.workflows.length > 0) lines.push("", "workflows whose result changed:", ...diff.workflows.map((change) => `  ${describeWorkflowChange(change).replace(/`/g, "")}`));
  for (const change of diff.principals) {
    lines.push("", `${principalLabel(change)}${change.stack ? ` (${change.stack})` : ""}${change.change === "changed" ? "" : `, ${change.change}`}: ${change.principal}`);
    const section = (sign: string, changes: readonly AccessChange[]) => {
      for (const group of groupAccess(changes)) lines.push(`  ${sign} ${group.service} on ${group.resources.join(", ")}: ${describeActions(group)}`);
    };
    section("+", change.granted.filter((pair) => !pair.conditionChange));
    section("+ (no longer conditional)", change.granted.filter((pair) => pair.conditionChange));
    section("-", change.revoked.filter((pair) => !pair.conditionChange));
    section("- (now conditional)", change.revoked.filter((pair) => pair.conditionChange));
  }
  return lines.join("\n") + "\n";
}
