import { diffAccess, workflowSummaries, type AccessChange, type AccessDiff, type AccessSnapshot, type PrincipalAccessChange } from "./access-diff";
import { testPlan } from "./testing";
import type { PlanFinding } from "./plan-findings";
import { renderAccessDiffMarkdown, renderAccessDiffText, summarizeAccessDiff } from "./render-access-diff";

const finding = (code: string, severity: "error" | "warning" = "error"): PlanFinding => ({
  code,
  severity,
  stack: "team",
  policy: "team-data",
  kind: "identity",
  statement: 0,
  sid: "Reads",
  action: "s3:GetObjet",
  message: "s3:GetObjet is not a s3 action",
});
const change = (name: string, granted: AccessChange[], revoked: AccessChange[] = []): PrincipalAccessChange => ({
  principal: `arn:aws:iam::111111111111:role/ml/team/${name}`,
  stack: "team",
  kind: "role",
  name,
  change: "changed",
  granted,
  revoked,
});
const pair = (action: string, resource: string): AccessChange => ({ action, resource, conditional: false });

const diff: AccessDiff = {
  principals: [change("worker", [pair("s3:PutObject", "arn:aws:s3:::b/*")], [pair("s3:GetObject", "arn:aws:s3:::old/*")])],
  findings: { new: [finding("UNKNOWN_ACTION")], resolved: [finding("WILDCARD_RESOURCE", "warning")] },
  workflows: [],
};

describe("rendering an access diff", () => {
  it("puts new and resolved findings before the principals' granted and revoked access", () => {
    const markdown = renderAccessDiffMarkdown(diff, { title: "Access changes (dev)" });
    const order = ["### Access changes (dev)", "#### New findings", "UNKNOWN_ACTION", "#### Resolved findings", "WILDCARD_RESOURCE", "#### role worker (team)", "Granted:", "s3:::b/*", "Revoked:", "s3:::old/*"];
    const positions = order.map((text) => markdown.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain("- **error** `UNKNOWN_ACTION` in `team-data` (team, identity), statement `Reads` (`s3:GetObjet`): s3:GetObjet is not a s3 action");
  });

  it("summarizes in one line, and says so when nothing changed", () => {
    expect(summarizeAccessDiff(diff)).toBe("1 new finding (1 error), 1 resolved; access changes for 1 principal: 1 granted, 1 revoked (action, resource) pairs.");
    expect(summarizeAccessDiff({ principals: [], findings: { new: [], resolved: [] }, workflows: [] })).toBe("No access changes and no new or resolved findings.");
  });

  it("stays within the character budget, saying how much it left out", () => {
    const many = Array.from({ length: 200 }, (_, i) => change(`role-${i}`, [pair("s3:GetObject", `arn:aws:s3:::bucket-${i}/*`)]));
    const big: AccessDiff = { principals: many, findings: { new: Array.from({ length: 50 }, () => finding("UNKNOWN_ACTION")), resolved: [] }, workflows: [] };
    const markdown = renderAccessDiffMarkdown(big, { budget: 8_000 });
    expect(markdown.length).toBeLessThanOrEqual(8_000);
    const note = /(\d+) findings? and (\d+) access changes \(in (\d+) principals?\) are not shown/.exec(markdown);
    expect(note).not.toBeNull();
    const shownPairs = (markdown.match(/^- \*\*s3\*\* on /gm) ?? []).length;
    expect(Number(note![1])).toBe(50 - (markdown.match(/UNKNOWN_ACTION/g) ?? []).length);
    expect(Number(note![2])).toBe(200 - shownPairs);
    expect(Number(note![3])).toBe(200 - shownPairs);
  });

  it("keeps the whole diff when it fits", () => {
    expect(renderAccessDiffMarkdown(diff, { budget: 65_536 })).not.toContain("Truncated");
  });

  it("renders terminal text with + for granted and - for revoked", () => {
    expect(renderAccessDiffText(diff)).toContain("  + s3 on arn:aws:s3:::b/*: PutObject\n  - s3 on arn:aws:s3:::old/*: GetObject");
  });
});

describe("the workflows of an access diff", () => {
  const step = (resource: string, decision: "Allowed" | "ImplicitlyDenied") => ({
    step: 1,
    actor: "person",
    principal: "team-access",
    action: "s3:GetObject",
    resource,
    purpose: "read the data",
    decision,
    ok: decision === "Allowed",
    reason: decision === "Allowed" ? "allowed by team-data (statement Reads)" : "no statement grants it",
  });
  const workflow = (name: string, steps: ReturnType<typeof step>[]) => ({
    name,
    title: name,
    expect: "allowed" as const,
    subject: "the principals of team",
    sources: ["https://docs.aws.amazon.com/"],
    passed: steps.every((candidate) => candidate.ok),
    steps,
  });
  const snapshot = (...workflows: ReturnType<typeof workflow>[]): AccessSnapshot => ({ access: [], findings: [], workflows: workflowSummaries([{ ...testPlan("team", []), workflows }]) });

  it("lists a workflow declared on one side only as added or removed, and one whose requests are decided otherwise as changed", () => {
    const base = snapshot(workflow("train-from-laptop", [step("arn:aws:s3:::team-data/a", "Allowed")]), workflow("push-image", [step("arn:aws:s3:::x/y", "Allowed")]));
    const head = snapshot(workflow("train-from-laptop", [step("arn:aws:s3:::team-data/b", "Allowed")]), workflow("open-studio", [step("arn:aws:s3:::x/z", "Allowed")]));
    expect(diffAccess(base, head).workflows.map((change) => [change.name, change.change])).toEqual([
      ["open-studio", "added"],
      ["push-image", "removed"],
      ["train-from-laptop", "changed"],
    ]);
    const changed = diffAccess(base, head).workflows.find((change) => change.change === "changed")!;
    expect(changed.decidedNow).toEqual(["s3:GetObject on arn:aws:s3:::team-data/b as team-access: Allowed"]);
    expect(changed.decidedBefore).toEqual(["s3:GetObject on arn:aws:s3:::team-data/a as team-access: Allowed"]);
  });

  it("lists nothing when every workflow is decided the same", () => {
    const same = snapshot(workflow("train-from-laptop", [step("arn:aws:s3:::team-data/a", "Allowed")]));
    expect(diffAccess(same, same).workflows).toEqual([]);
  });

  it("shows the changed workflows in the Markdown and text, and counts them in the summary", () => {
    const base = snapshot();
    const head = snapshot(workflow("train-from-laptop", [step("arn:aws:s3:::team-data/a", "Allowed")]));
    const changes = diffAccess(base, head);
    expect(summarizeAccessDiff(changes)).toBe("No access changes and no new or resolved findings; 1 workflow proven differently.");
    expect(renderAccessDiffMarkdown(changes)).toContain("#### Workflows whose result changed\n\n- `train-from-laptop` of team: now declared and proven (holds, 1 requests)");
    expect(renderAccessDiffText(changes)).toContain("workflows whose result changed:\n  train-from-laptop of team: now declared and proven (holds, 1 requests)");
  });
});
