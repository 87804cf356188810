import { boundaryArnPatternSyntax, centralBoundary, defaultBoundaryArnPattern } from "./central-boundary";

describe("the central boundary", () => {
  const boundary = centralBoundary();

  it.each([
    ["arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary", true],
    ["arn:aws-cn:iam::222222222222:policy/ml/central-ai/central-ai-team-boundary", true],
    ["arn:aws-us-gov:iam::333333333333:policy/ml/central-ai/central-ai-team-boundary", true],
    ["arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary-v2", false],
    ["arn:aws:iam::111111111111:policy/central-ai-team-boundary", false],
    ["arn:aws:iam::111111111111:policy/ml/data-scientists/central-ai-team-boundary", false],
    ["arn:aws:iam::1111:policy/ml/central-ai/central-ai-team-boundary", false],
    ["arn:aws:iam::aws:policy/AdministratorAccess", false],
    ["arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary ", false],
  ])("matches %s: %s", (arn, matches) => {
    expect(boundary.matchesArn(arn)).toBe(matches);
  });

  it("knows the managed policy that is the boundary by its path and name", () => {
    expect(boundary.isBoundaryPolicy("/ml/central-ai/", "central-ai-team-boundary")).toBe(true);
    expect(boundary.isBoundaryPolicy("/", "central-ai-team-boundary")).toBe(false);
    expect(boundary.isBoundaryPolicy("/ml/central-ai/", "central-ai-datasets-read")).toBe(false);
  });

  it("takes another pattern, a literal ARN included, from the pack's config", () => {
    const literal = centralBoundary({ boundaryArnPattern: "arn:aws:iam::111111111111:policy/platform/boundary" });
    expect(literal.matchesArn("arn:aws:iam::111111111111:policy/platform/boundary")).toBe(true);
    expect(literal.matchesArn("arn:aws:iam::222222222222:policy/platform/boundary")).toBe(false);
    expect(literal.isBoundaryPolicy("/platform/", "boundary")).toBe(true);
    expect(centralBoundary({ boundaryArnPattern: "arn:<partition>:iam::<account>:policy/boundary" }).isBoundaryPolicy("/", "boundary")).toBe(true);
  });

  it.each(["arn:aws:iam::111111111111:role/ml/boundary", "central-ai-team-boundary", "arn:aws:iam::<account>:policy/", ""])(
    "refuses a pattern that is not a managed policy ARN: %j",
    (pattern) => {
      expect(() => centralBoundary({ boundaryArnPattern: pattern })).toThrow(/^boundaryArnPattern must be a managed policy ARN/);
      expect(new RegExp(boundaryArnPatternSyntax).test(pattern)).toBe(false);
    },
  );

  it("defaults to the boundary central-ai creates", () => {
    expect(boundary.pattern).toBe(defaultBoundaryArnPattern);
    expect(new RegExp(boundaryArnPatternSyntax).test(defaultBoundaryArnPattern)).toBe(true);
  });
});
