import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { actionsBotLogin, findCommentToUpdate, previewComment, renderPrComment, type IssueComment, type StepOutcome } from "./pr-comment";

// Usage:
//   post-pr-comment.ts preview  --pr <n> --stack <stack> --env <env> --outcome <outcome> --output <file> [--commit <sha>]
//   post-pr-comment.ts sections --pr <n> --key <key> --title <title> [--intro <text>] --section <file>...
// Creates the pull request's comment for the key, or edits it when the workflow bot already wrote one.
// Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_SHA.
const [mode, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    pr: { type: "string" },
    author: { type: "string", default: actionsBotLogin },
    stack: { type: "string" },
    env: { type: "string" },
    outcome: { type: "string" },
    output: { type: "string" },
    commit: { type: "string" },
    key: { type: "string" },
    title: { type: "string" },
    intro: { type: "string" },
    section: { type: "string", multiple: true },
  },
});

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === "") throw new Error(`missing ${name}`);
  return value;
}

const environment = process.env;
const repository = required("GITHUB_REPOSITORY", environment.GITHUB_REPOSITORY);
const apiUrl = environment.GITHUB_API_URL ?? "https://api.github.com";
const summaryUrl = environment.GITHUB_RUN_ID
  ? `${environment.GITHUB_SERVER_URL ?? "https://github.com"}/${repository}/actions/runs/${environment.GITHUB_RUN_ID}` +
    (environment.GITHUB_RUN_ATTEMPT ? `/attempts/${environment.GITHUB_RUN_ATTEMPT}` : "")
  : undefined;

async function github<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? "GET",
    headers: {
      Authorization: `Bearer ${required("GITHUB_TOKEN", environment.GITHUB_TOKEN)}`,
      Accept: "application/vnd.github+json",
      "X-GitHub-Api-Version": "2022-11-28",
      "Content-Type": "application/json",
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  // The response says what is wrong (permissions, size); the token is never part of it.
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function listComments(pr: string): Promise<IssueComment[]> {
  const comments: IssueComment[] = [];
  for (let page = 1; ; page++) {
    const batch = await github<IssueComment[]>(`/repos/${repository}/issues/${pr}/comments?per_page=100&page=${page}`);
    comments.push(...batch);
    if (batch.length < 100) return comments;
  }
}

function render(): { key: string; body: string } {
  if (mode === "preview") {
    const stack = required("--stack", values.stack);
    const env = required("--env", values.env);
    const outcome = required("--outcome", values.outcome) as StepOutcome;
    const body = previewComment({
      stack,
      env,
      outcome,
      command: `npx nx run ${stack}:preview --exclude-task-dependencies --env=${env}`,
      output: readFileSync(required("--output", values.output), "utf8"),
      commit: values.commit ?? environment.GITHUB_SHA ?? "",
      summaryUrl,
    });
    return { key: `preview:${stack}:${env}`, body };
  }
  if (mode === "sections") {
    const key = required("--key", values.key);
    const sections = (values.section ?? []).map((file) => ({ body: readFileSync(file, "utf8") }));
    if (sections.length === 0) throw new Error("missing --section <file>");
    return { key, body: renderPrComment({ key, title: required("--title", values.title), intro: values.intro, sections, summaryUrl }) };
  }
  throw new Error(`unknown mode ${JSON.stringify(mode)}: use preview or sections`);
}

async function main(): Promise<void> {
  const pr = required("--pr", values.pr);
  if (!/^\d+$/.test(pr)) throw new Error(`--pr must be a pull request number, not ${pr}`);
  const { key, body } = render();
  const existing = findCommentToUpdate(await listComments(pr), key, values.author);
  if (existing) {
    await github(`/repos/${repository}/issues/comments/${existing.id}`, { method: "PATCH", body: { body } });
    console.log(`updated comment ${existing.id} (${key}) on #${pr}: ${body.length} characters`);
  } else {
    const created = await github<IssueComment>(`/repos/${repository}/issues/${pr}/comments`, { method: "POST", body: { body } });
    console.log(`created comment ${created.id} (${key}) on #${pr}: ${body.length} characters`);
  }
}

main().catch((error: unknown) => {
  console.error(`post-pr-comment: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
