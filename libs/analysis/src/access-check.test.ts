import type { PolicyDocumentJson } from "@ml-iam/iam";
import { findGrant, principalGrant } from "./access-check";
import type { PlanPrincipal } from "./plan-principals";

const doc = (...Statement: PolicyDocumentJson["Statement"][]): PolicyDocumentJson =>
  ({ Version: "2012-10-17", Statement: Statement.flat() }) as PolicyDocumentJson;

const reads = doc(
  { Sid: "List", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" },
  { Sid: "Get", Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::b/*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
);

describe("finding what allows a request", () => {
  it.each([
    ["s3:ListBucket", "arn:aws:s3:::b", { policy: "reads", statement: 0, sid: "List", conditional: false }],
    ["s3:getobject", "arn:aws:s3:::b/key", { policy: "reads", statement: 1, sid: "Get", conditional: true }],
    ["s3:ListBucket", "arn:aws:s3:::b/key", undefined],
    ["s3:PutObject", "arn:aws:s3:::b/key", undefined],
  ])("%s on %s", (action, resource, expected) => {
    expect(findGrant([{ name: "reads", document: reads }], action, resource)).toEqual(expected);
  });

  it("lets an unconditional deny in any policy win", () => {
    const denyAll = doc({ Effect: "Deny", NotAction: "s3:List*", Resource: "*" });
    expect(findGrant([{ name: "reads", document: reads }, { name: "deny", document: denyAll }], "s3:GetObject", "arn:aws:s3:::b/k")).toBeUndefined();
  });

  it("needs the boundary to allow the request too", () => {
    const principal: PlanPrincipal = {
      stack: "s",
      kind: "role",
      name: "r",
      tags: {},
      arn: "arn:aws:iam::1:role/r",
      policies: [{ name: "reads", document: reads }],
      boundary: { name: "boundary", document: doc({ Effect: "Allow", Action: "s3:List*", Resource: "*" }) },
    };
    expect(principalGrant(principal, "s3:ListBucket", "arn:aws:s3:::b")).toBeDefined();
    expect(principalGrant(principal, "s3:GetObject", "arn:aws:s3:::b/k")).toBeUndefined();
  });
});
