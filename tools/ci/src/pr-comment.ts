/** The most characters GitHub accepts in an issue or pull request comment. */
export const githubCommentLimit = 65_536;

/** The GitHub Actions bot, author of the comments the workflows post with GITHUB_TOKEN. */
export const actionsBotLogin = "github-actions[bot]";

const keyPattern = /^[a-z0-9][a-z0-9:._-]*$/;

/**
 * The hidden first line by which a workflow finds its own comment again, e.g. `<!-- ml-iam:access-diff -->`.
 * One key, one comment: the workflow edits it rather than add another.
 */
export function commentMarker(key: string): string {
  if (!keyPattern.test(key)) throw new Error(`comment key ${JSON.stringify(key)}: use a-z, 0-9 and ":._-", e.g. preview:central-ai:prod`);
  return `<!-- ml-iam:${key} -->`;
}

/** A part of a comment: Markdown, or command output shown as a code block. */
export interface CommentSection {
  /** Rendered as a level-3 heading above the body. */
  heading?: string;
  body: string;
  /** `code` bodies are fenced (the fence outgrows any backticks inside); default `markdown`. */
  format?: "markdown" | "code";
  /** Which end survives a cut: `start` for reports that lead with what matters, `end` for logs that end with a summary. */
  keep?: "start" | "end";
}

/** What a comment says: its key, its title, an optional first paragraph, and the sections in order. */
export interface PrCommentInput {
  key: string;
  title: string;
  intro?: string;
  sections: readonly CommentSection[];
  /** Where the full text is (the job summary); linked at the foot, and from each cut. */
  summaryUrl?: string;
  /** Characters the whole body may have; GitHub's limit by default. */
  limit?: number;
}

// Terminal colour and cursor sequences, which Nx and Pulumi print and Markdown shows as noise.
// eslint-disable-next-line no-control-regex
const ansiPattern = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without terminal escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, "");
}

function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function cutNote(hidden: number, summaryUrl: string | undefined): string {
  const where = summaryUrl ? `the [job summary](${summaryUrl})` : "the job summary";
  return `_… ${hidden.toLocaleString("en-US")} more characters of this section are in ${where}._`;
}

/** Room for a cut note and the line breaks around it, whatever the count. */
function cutReserve(summaryUrl: string | undefined): number {
  return cutNote(Number.MAX_SAFE_INTEGER, summaryUrl).length + 8;
}

/** Cuts text at a line boundary so that it keeps at most `room` characters. */
function cutAtLine(text: string, room: number, keep: "start" | "end"): string {
  if (room <= 0) return "";
  if (keep === "start") {
    const head = text.slice(0, room);
    const end = head.lastIndexOf("\n");
    return end > 0 ? head.slice(0, end) : head;
  }
  const tail = text.slice(text.length - room);
  const start = tail.indexOf("\n");
  return start >= 0 && start < tail.length - 1 ? tail.slice(start + 1) : tail;
}

/** A fenced block that an earlier cut left open would swallow the rest of the comment. */
function closeOpenFence(markdown: string): string {
  let open: string | undefined;
  for (const line of markdown.split("\n")) {
    const fence = /^ {0,3}(`{3,})/.exec(line)?.[1];
    if (fence === undefined) continue;
    if (open === undefined) open = fence;
    else if (fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open === undefined ? markdown : `${markdown}\n${open}`;
}

/** A section rendered whole, or cut to `budget` characters with a note saying how much is left out. */
function renderSection(section: CommentSection, budget: number, summaryUrl: string | undefined): string {
  const body = stripAnsi(section.body).trimEnd();
  const heading = section.heading ? `### ${section.heading}\n\n` : "";
  const wrap = (text: string) => {
    if (section.format !== "code") return text;
    const fence = fenceFor(text);
    return `${fence}\n${text}\n${fence}`;
  };
  const whole = `${heading}${wrap(body)}\n`;
  if (whole.length <= budget) return whole;
  const keep = section.keep ?? "start";
  // A code block is fenced after the cut; Markdown may need its open fence closed.
  const fences = 2 * fenceFor(body).length + 2;
  const room = budget - heading.length - cutReserve(summaryUrl) - fences;
  const kept = keep === "start" ? cutAtLine(body, room, keep).trimEnd() : cutAtLine(body, room, keep);
  const note = cutNote(body.length - kept.length, summaryUrl);
  const shown = section.format === "code" ? wrap(kept) : closeOpenFence(kept);
  return keep === "start" ? `${heading}${shown}\n\n${note}\n` : `${heading}${note}\n\n${shown}\n`;
}

/**
 * Shares the budget among the sections: those that fit whole keep their length, and what they leave
 * is split evenly among the rest, so a long section cannot crowd out the ones after it.
 */
function sectionBudgets(lengths: readonly number[], budget: number): number[] {
  const budgets = lengths.map(() => 0);
  let left = budget;
  let pending = lengths.map((length, index) => ({ length, index })).sort((a, b) => a.length - b.length);
  while (pending.length > 0) {
    const share = Math.floor(left / pending.length);
    const fitting = pending.filter((section) => section.length <= share);
    if (fitting.length === 0) {
      for (const section of pending) budgets[section.index] = share;
      break;
    }
    for (const section of fitting) {
      budgets[section.index] = section.length;
      left -= section.length;
    }
    pending = pending.filter((section) => section.length > share);
  }
  return budgets;
}

/**
 * The comment body: the marker, the title, the intro, then the sections in the order given, under the limit.
 * When they do not fit, each long section is cut at a line (start or end, as it asks) with a note that
 * points to the job summary; short sections stay whole.
 */
export function renderPrComment(input: PrCommentInput): string {
  const limit = input.limit ?? githubCommentLimit;
  const head = `${commentMarker(input.key)}\n## ${input.title}\n\n${input.intro ? `${input.intro.trim()}\n\n` : ""}`;
  const foot = input.summaryUrl ? `\n---\n_Full output: [job summary](${input.summaryUrl})._\n` : "";
  const separator = "\n";
  const budget = limit - head.length - foot.length - separator.length * Math.max(0, input.sections.length - 1);
  const whole = input.sections.map((section) => renderSection(section, Number.POSITIVE_INFINITY, input.summaryUrl));
  const budgets = sectionBudgets(
    whole.map((text) => text.length),
    budget,
  );
  const sections = input.sections.map((section, index) => renderSection(section, budgets[index]!, input.summaryUrl));
  const body = `${head}${sections.join(separator)}${foot}`;
  if (body.length > limit) throw new Error(`comment ${input.key}: ${input.sections.length} sections do not fit in ${limit} characters even cut`);
  return body;
}

/** An issue comment as the GitHub REST API lists it. */
export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login: string } | null;
}

/**
 * The comment to edit for a key: the oldest one the workflow bot wrote that starts with the key's marker.
 * Comments by people are never picked, even when they quote the marker.
 */
export function findCommentToUpdate(comments: readonly IssueComment[], key: string, botLogin = actionsBotLogin): IssueComment | undefined {
  const marker = commentMarker(key);
  return [...comments]
    .sort((a, b) => a.id - b.id)
    .find((comment) => comment.user?.login === botLogin && (comment.body ?? "").trimStart().startsWith(marker));
}

/** How a preview or deploy step ended, as GitHub's `steps.<id>.outcome` says it. */
export type StepOutcome = "success" | "failure" | "cancelled" | "skipped";

/** The comment of one stack's preview in one env: the outcome, the command and its output (the end kept). */
export function previewComment(input: {
  stack: string;
  env: string;
  outcome: StepOutcome;
  command: string;
  output: string;
  commit: string;
  summaryUrl?: string;
  limit?: number;
}): string {
  const verdict = input.outcome === "success" ? "succeeded" : input.outcome === "failure" ? "**failed**" : input.outcome;
  return renderPrComment({
    key: `preview:${input.stack}:${input.env}`,
    title: `Preview of ${input.stack} (${input.env})`,
    intro: `The preview ${verdict} at ${input.commit.slice(0, 12)}: \`${input.command}\``,
    sections: [{ body: input.output.trim() === "" ? "(no output)" : input.output, format: "code", keep: "end" }],
    summaryUrl: input.summaryUrl,
    limit: input.limit,
  });
}
