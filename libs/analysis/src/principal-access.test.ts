import type { StatementJson } from "@ml-iam/iam";
import type { AccessEvaluator } from "./access-evaluator";
import type { HeldPolicy, PlanPrincipal } from "./plan-principals";
import { principalAccess } from "./principal-access";
import { testDocument } from "./testing";

const policy = (...statements: StatementJson[]): HeldPolicy => ({ name: "p", document: testDocument(...statements) });
const principal = (policies: HeldPolicy[], boundary?: StatementJson[]): PlanPrincipal => ({
  stack: "team",
  kind: "role",
  tags: {},
  name: "r",
  arn: "arn:aws:iam::111111111111:role/r",
  policies,
  ...(boundary ? { boundary: { name: "boundary", document: testDocument(...boundary) } } : {}),
});
const pairs = (p: PlanPrincipal, evaluator?: AccessEvaluator) =>
  principalAccess(p, { evaluator }).entries.map((entry) => `${entry.action} ${entry.resource}${entry.conditional ? " if" : ""}`);

describe("a principal's access", () => {
  it("pairs each expanded action with each resource it applies to, keeping conditions as a flag", () => {
    const reads = policy(
      { Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] },
      { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
    );
    expect(pairs(principal([reads]))).toEqual([
      "s3:GetObject arn:aws:s3:::b/*",
      "s3:ListBucket arn:aws:s3:::b",
      "s3:PutObject arn:aws:s3:::b/* if",
    ]);
  });

  it("counts a pair as unconditional when any statement grants it without conditions", () => {
    const condition = { StringEquals: { "aws:ResourceTag/team": "t" } };
    const both = policy(
      { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: condition },
      { Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::b/*" },
    );
    expect(pairs(principal([both]))).toContain("s3:GetObject arn:aws:s3:::b/*");
  });

  it("drops what an unconditional explicit Deny removes, but not a conditional one", () => {
    const grants = policy({ Effect: "Allow", Action: ["s3:GetObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::b/*" });
    const denies = policy(
      { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
      { Effect: "Deny", Action: "s3:GetObject", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } },
    );
    expect(pairs(principal([grants, denies]))).toEqual(["s3:GetObject arn:aws:s3:::b/*"]);
  });

  it("keeps only what the boundary allows too, and lets a Deny in the boundary win", () => {
    const grants = policy({ Effect: "Allow", Action: ["s3:GetObject", "sagemaker:CreateTrainingJob", "iam:CreateRole"], Resource: "*" });
    const boundary: StatementJson[] = [
      { Effect: "Allow", Action: ["s3:*", "iam:*"], Resource: "*" },
      { Effect: "Deny", Action: "iam:CreateRole", Resource: "*" },
    ];
    expect(pairs(principal([grants], boundary))).toEqual(["s3:GetObject *"]);
  });

  it("narrows a resource to where the boundary allows it", () => {
    const grants = policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::*" });
    const boundary: StatementJson[] = [{ Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::team-*/*", "arn:aws:s3:::shared"] }];
    expect(pairs(principal([grants], boundary))).toEqual(["s3:GetObject arn:aws:s3:::team-*/*"]);
  });

  it("leaves out pairs whose resource is not of a type the action applies to", () => {
    const misplaced = policy({ Effect: "Allow", Action: ["s3:ListBucket", "sagemaker:List*"], Resource: ["arn:aws:s3:::b/*", "arn:aws:sagemaker:us-east-1:111111111111:*"] });
    expect(pairs(principal([misplaced])).filter((pair) => pair.startsWith("s3:") || pair.startsWith("sagemaker:ListTrainingJobs "))).toEqual([]);
  });

  it("expands NotAction within the analyzed services and shows NotResource as what it excludes", () => {
    const broad = policy({ Effect: "Allow", NotAction: ["iam:*", "sts:*"], NotResource: "arn:aws:s3:::secret/*" });
    const access = pairs(principal([broad]));
    expect(access).toContain("s3:GetObject * except arn:aws:s3:::secret/*");
    expect(access.some((pair) => pair.startsWith("iam:") || pair.startsWith("dynamodb:"))).toBe(false);
  });

  it("asks a pluggable evaluator, which may drop pairs or make them conditional", () => {
    const grants = policy({ Effect: "Allow", Action: ["s3:GetObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::b/*" });
    const noDeletes: AccessEvaluator = (_principal, action) => (action.includes("Delete") ? undefined : { conditional: true });
    expect(pairs(principal([grants]), noDeletes)).toEqual(["s3:GetObject arn:aws:s3:::b/* if"]);
  });

  it("names the policies it could not read instead of guessing what they grant", () => {
    const awsManaged: HeldPolicy = { name: "AmazonSageMakerFullAccess", arn: "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess" };
    const access = principalAccess(principal([awsManaged]));
    expect(access).toMatchObject({ principal: "arn:aws:iam::111111111111:role/r", stack: "team", kind: "role", entries: [] });
    expect(access.unresolvedPolicies).toEqual(["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"]);
  });
});
