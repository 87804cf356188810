import { planDocuments } from "./plan-documents";
import { findingKey, planFindings } from "./plan-findings";
import { testDocument, testPlan, testPolicy, testPolicyArn, testResource, testRole } from "./testing";

const typo = { Sid: "Typo", Effect: "Allow" as const, Action: "s3:GetObjet", Resource: "arn:aws:s3:::b/*" };
const plans = (...statements: Parameters<typeof testDocument>) => [
  testPlan("central", [testPolicy("central", "boundary", testDocument({ Effect: "Allow", Action: "s3:*", Resource: "*" }))]),
  testPlan("team", [
    testPolicy("team", "data", testDocument(...statements)),
    ...testRole("team", "worker", { boundaryArn: testPolicyArn("central", "boundary"), policyArns: [testPolicyArn("team", "data")] }),
    testResource("aws:iam/rolePolicy:RolePolicy", "extra", { role: "worker", name: "extra", policy: JSON.stringify(testDocument({ Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" })) }),
  ]),
];

describe("the documents and findings of a plan set", () => {
  it("finds every document with its kind: boundary, identity, trust and inline", () => {
    expect(planDocuments(plans(typo)).map((d) => `${d.stack} ${d.kind} ${d.owner}`)).toEqual([
      "central boundary boundary",
      "team identity data",
      "team trust worker trust",
      "team inline worker/extra",
    ]);
  });

  it("names the document and statement of each finding", () => {
    const findings = planFindings(plans(typo)).filter((finding) => finding.code === "UNKNOWN_ACTION");
    expect(findings).toEqual([expect.objectContaining({ stack: "team", policy: "data", kind: "identity", statement: 0, sid: "Typo", action: "s3:GetObjet" })]);
  });

  it("keys a finding by its statement's Sid, so adding a statement before it does not make it new", () => {
    const before = planFindings(plans(typo)).filter((f) => f.code === "UNKNOWN_ACTION");
    const after = planFindings(plans({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }, typo)).filter((f) => f.code === "UNKNOWN_ACTION");
    expect(after[0]!.statement).toBe(1);
    expect(findingKey(after[0]!)).toBe(findingKey(before[0]!));
  });

  it("validates only the documents of the stacks asked for, still knowing a boundary by its holders elsewhere", () => {
    const all = planFindings(plans(typo));
    expect(planFindings(plans(typo), { stacks: ["team"] })).toEqual(all.filter((finding) => finding.stack === "team"));
    // The central policy allows s3:* on *: fine for a boundary, which only caps; a warning for a policy that grants.
    const [centralPlan] = plans(typo);
    expect(planFindings([centralPlan!]).map((finding) => finding.code)).toContain("WILDCARD_ACTION");
    expect(planFindings(plans(typo), { stacks: ["central"] })).toEqual([]);
  });

  it("reports a document that is not JSON instead of skipping it", () => {
    const broken = testPlan("team", [testResource("aws:iam/policy:Policy", "broken", { name: "broken", policy: "{not json" }, { arn: "arn:aws:iam::111111111111:policy/broken" })]);
    expect(planFindings([broken]).map((finding) => finding.code)).toContain("INVALID_DOCUMENT");
  });
});
