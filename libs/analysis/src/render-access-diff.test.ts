import type { AccessChange, AccessDiff, PrincipalAccessChange } from "./access-diff";
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
    expect(summarizeAccessDiff({ principals: [], findings: { new: [], resolved: [] } })).toBe("No access changes and no new or resolved findings.");
  });

  it("stays within the character budget, saying how much it left out", () => {
    const many = Array.from({ length: 200 }, (_, i) => change(`role-${i}`, [pair("s3:GetObject", `arn:aws:s3:::bucket-${i}/*`)]));
    const big: AccessDiff = { principals: many, findings: { new: Array.from({ length: 50 }, () => finding("UNKNOWN_ACTION")), resolved: [] } };
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
