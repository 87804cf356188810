import {
  commentMarker,
  findCommentToUpdate,
  githubCommentLimit,
  previewComment,
  renderPrComment,
  stripAnsi,
  type IssueComment,
} from "./pr-comment";

const summaryUrl = "https://github.com/example-org/ml-iam-platform/actions/runs/123/attempts/1";

/** An access diff as `ml-iam access-diff --markdown` prints it: findings first, then one block per principal. */
function accessDiff(env: string, principals: number): string {
  const findings = `### Access changes (${env})\n\n#### New findings\n\n- **error** \`wildcard-resource\` in \`${env}-policy\`\n\n#### Resolved findings\n\n- **warning** \`old-${env}\`\n\n`;
  const blocks = Array.from({ length: principals }, (_, index) => `#### role-${index} (${env})\n\nGranted:\n- **s3** on \`arn:aws:s3:::bucket-${index}/*\`: GetObject, PutObject\n\n`);
  return findings + blocks.join("");
}

describe("the comment marker", () => {
  it("is a hidden HTML comment naming the key", () => {
    expect(commentMarker("access-diff")).toBe("<!-- ml-iam:access-diff -->");
    expect(commentMarker("preview:central-ai:prod")).toBe("<!-- ml-iam:preview:central-ai:prod -->");
  });

  it("rejects a key that could end the HTML comment early", () => {
    expect(() => commentMarker("x -->")).toThrow(/comment key/);
  });
});

describe("a comment body", () => {
  it("starts with the marker and keeps the sections in order, whole when they fit", () => {
    const body = renderPrComment({ key: "access-diff", title: "Access diff", intro: "Per env.", sections: [{ body: accessDiff("dev", 2) }, { body: accessDiff("prod", 2) }], summaryUrl });
    expect(body.startsWith("<!-- ml-iam:access-diff -->\n## Access diff\n\nPer env.\n\n")).toBe(true);
    expect(body).toContain(accessDiff("dev", 2).trimEnd());
    expect(body.indexOf("Access changes (dev)")).toBeLessThan(body.indexOf("Access changes (prod)"));
    expect(body).not.toContain("more characters");
    expect(body.endsWith(`_Full output: [job summary](${summaryUrl})._\n`)).toBe(true);
  });

  it.each([10_000, 30_000, 65_536])("stays within a limit of %i characters", (limit) => {
    const body = renderPrComment({ key: "access-diff", title: "Access diff", sections: [{ body: accessDiff("dev", 3000) }, { body: accessDiff("prod", 3000) }], summaryUrl, limit });
    expect(body.length).toBeLessThanOrEqual(limit);
    expect(body.length).toBeGreaterThan(limit * 0.9);
  });

  it("stays under GitHub's limit by default", () => {
    const body = renderPrComment({ key: "access-diff", title: "Access diff", sections: [{ body: accessDiff("prod", 10_000) }] });
    expect(body.length).toBeLessThanOrEqual(githubCommentLimit);
  });

  it("cuts each long section at a line, keeping every section's findings, and says where the rest is", () => {
    const body = renderPrComment({ key: "access-diff", title: "Access diff", sections: [{ body: accessDiff("dev", 3000) }, { body: accessDiff("prod", 3000) }], summaryUrl });
    for (const env of ["dev", "prod"]) {
      expect(body).toContain(`\`${env}-policy\``);
      expect(body).toContain(`\`old-${env}\``);
    }
    expect(body.match(/_… [\d,]+ more characters of this section are in the \[job summary\]\(https:\/\/github\.com\/[^)]+\)\._/g)).toHaveLength(2);
    expect(body).not.toMatch(/GetObject, Put\n/);
  });

  it("keeps a short section whole and gives the room it leaves to the long one", () => {
    const short = accessDiff("dev", 1);
    const body = renderPrComment({ key: "access-diff", title: "Access diff", sections: [{ body: short }, { body: accessDiff("prod", 3000) }], limit: 20_000 });
    expect(body).toContain(short.trimEnd());
    expect(body.length).toBeGreaterThan(19_000);
  });

  it("closes a code block that a cut left open", () => {
    const markdown = `Findings first.\n\n\`\`\`json\n${'{"a": 1}\n'.repeat(5000)}\`\`\`\n`;
    const body = renderPrComment({ key: "k", title: "T", sections: [{ body: markdown }], limit: 5_000 });
    expect(body.match(/^```/gm)).toHaveLength(2);
  });
});

describe("the comment to update", () => {
  const bot = { login: "github-actions[bot]" };
  const comments: IssueComment[] = [
    { id: 5, body: "<!-- ml-iam:preview:central-ai:dev -->\n## Preview", user: bot },
    { id: 3, body: "Looks good, but see <!-- ml-iam:access-diff --> below", user: { login: "alice" } },
    { id: 7, body: "<!-- ml-iam:access-diff -->\n## Access diff (a duplicate)", user: bot },
    { id: 4, body: "<!-- ml-iam:access-diff -->\n## Access diff", user: bot },
    { id: 2, body: "<!-- ml-iam:access-diff -->\n## Pasted by a person", user: { login: "bob" } },
    { id: 1, body: null, user: null },
  ];

  it("is the oldest one the workflow bot wrote with the key's marker", () => {
    expect(findCommentToUpdate(comments, "access-diff")?.id).toBe(4);
    expect(findCommentToUpdate(comments, "preview:central-ai:dev")?.id).toBe(5);
  });

  it("is none when only people used the marker, so a new comment is created", () => {
    expect(findCommentToUpdate(comments.filter((comment) => comment.user !== bot), "access-diff")).toBeUndefined();
  });

  it("does not take one key's comment for another's", () => {
    expect(findCommentToUpdate(comments, "preview:central-ai:prod")).toBeUndefined();
  });
});

describe("a preview comment", () => {
  const log = (lines: number) =>
    ["\u001b[1m> nx run central-ai:preview --env=prod\u001b[22m", ...Array.from({ length: lines }, (_, index) => `    + aws:iam/role:Role role-${index} create`), "Resources:", "    + 42 to create"].join("\n");

  it("is keyed by stack and env, and says the outcome and command", () => {
    const body = previewComment({ stack: "central-ai", env: "prod", outcome: "failure", command: "npx nx run central-ai:preview --exclude-task-dependencies --env=prod", output: log(3), commit: "0123456789abcdef0123" });
    expect(body.split("\n").slice(0, 4)).toEqual([
      "<!-- ml-iam:preview:central-ai:prod -->",
      "## Preview of central-ai (prod)",
      "",
      "The preview **failed** at 0123456789ab: `npx nx run central-ai:preview --exclude-task-dependencies --env=prod`",
    ]);
    expect(body).toContain("```\n> nx run central-ai:preview --env=prod\n");
  });

  it("keeps the end of a long log, where Pulumi prints its summary", () => {
    const body = previewComment({ stack: "central-ai", env: "prod", outcome: "success", command: "c", output: log(20_000), commit: "abc", summaryUrl, limit: 8_000 });
    expect(body.length).toBeLessThanOrEqual(8_000);
    expect(body).toContain("Resources:\n    + 42 to create\n```");
    expect(body).not.toContain("role-0 create");
    expect(body.match(/^```/gm)).toHaveLength(2);
  });

  it("strips terminal colours", () => {
    expect(stripAnsi("\u001b[32m+ create\u001b[0m")).toBe("+ create");
  });
});
