import { expandActionPattern } from "@ml-iam/iam";
import type { AccessEntry, PrincipalAccess } from "./principal-access";
import { groupAccess, renderAccessMatrixMarkdown, renderAccessMatrixText } from "./render-access-matrix";

const entry = (action: string, resource: string, conditional = false): AccessEntry => ({ action, resource, conditional });
const row = (entries: AccessEntry[]): PrincipalAccess => ({
  principal: "arn:aws:iam::111111111111:role/ml/team/worker",
  stack: "team",
  kind: "role",
  name: "worker",
  entries,
  unresolvedPolicies: [],
});

describe("grouping access for reading", () => {
  it("puts resources with the same actions of a service on one line, conditional actions marked", () => {
    const groups = groupAccess([
      entry("s3:GetObject", "arn:aws:s3:::a/*"),
      entry("s3:GetObject", "arn:aws:s3:::b/*"),
      entry("s3:PutObject", "arn:aws:s3:::b/*", true),
      entry("sts:AssumeRole", "arn:aws:iam::111111111111:role/x"),
    ]);
    expect(groups).toEqual([
      { service: "s3", resources: ["arn:aws:s3:::a/*"], actions: ["GetObject"] },
      { service: "s3", resources: ["arn:aws:s3:::b/*"], actions: ["GetObject", "PutObject†"] },
      { service: "sts", resources: ["arn:aws:iam::111111111111:role/x"], actions: ["AssumeRole"] },
    ]);
  });

  it("says 'all' instead of listing every action of a service that applies", () => {
    const everything = expandActionPattern("ecr:*").map((action) => entry(action.key, "*", action.name.startsWith("Delete")));
    const [group] = groupAccess(everything);
    expect(group!.allActions).toEqual({ count: everything.length, conditional: everything.filter((e) => e.conditional).length });
  });
});

describe("rendering the access matrix", () => {
  const matrix = [row([entry("s3:GetObject", "arn:aws:s3:::b/*"), entry("s3:PutObject", "arn:aws:s3:::b/*", true)])];

  it("renders Markdown with a heading per principal and a bullet per service and resources", () => {
    expect(renderAccessMatrixMarkdown(matrix)).toBe(
      "### role worker\n\n`arn:aws:iam::111111111111:role/ml/team/worker`\n\n- **s3** on `arn:aws:s3:::b/*`: GetObject, PutObject†\n",
    );
  });

  it("renders text per principal and service, and says when a principal may do nothing", () => {
    expect(renderAccessMatrixText([...matrix, { ...row([]), name: "idle", unresolvedPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }])).toBe(
      [
        "role worker (team) arn:aws:iam::111111111111:role/ml/team/worker",
        "  s3",
        "    arn:aws:s3:::b/*",
        "      GetObject, PutObject†",
        "",
        "role idle (team) arn:aws:iam::111111111111:role/ml/team/worker",
        "  no access",
        "  not analyzed (no document in the plans): arn:aws:iam::aws:policy/ReadOnlyAccess",
        "",
      ].join("\n"),
    );
  });
});
