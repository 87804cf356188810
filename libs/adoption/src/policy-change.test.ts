import type { PolicyDocumentJson } from "@ml-iam/iam";
import { grantText, policyChange, writtenGrants } from "./policy-change";

const document = (...Statement: PolicyDocumentJson["Statement"][]): PolicyDocumentJson => ({ Version: "2012-10-17", Statement: Statement.flat() });

describe("the grants a document writes", () => {
  it("are one per effect, action, target and condition, with NotAction and NotResource spelled out", () => {
    const grants = writtenGrants(
      document(
        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::b/*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
        { Effect: "Deny", NotAction: "iam:*", NotResource: "arn:aws:s3:::b" },
      ),
    );
    expect(grants.map(grantText)).toEqual([
      "Allow s3:GetObject on arn:aws:s3:::b/* when Bool aws:SecureTransport=true",
      "Allow s3:PutObject on arn:aws:s3:::b/* when Bool aws:SecureTransport=true",
      "Deny all but iam:* on all but arn:aws:s3:::b",
    ]);
  });
});

describe("a policy change", () => {
  const objectsOnly = document({ Effect: "Allow", Action: ["s3:ListBucket", "s3:GetObject"], Resource: "arn:aws:s3:::data/*" });
  const fixed = document(
    { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::data" },
    { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" },
  );

  it("shows ListBucket moving from the objects to the bucket as written", () => {
    const change = policyChange("identity", "datasets", objectsOnly, fixed);
    expect(change.removed.map(grantText)).toEqual(["Allow s3:ListBucket on arn:aws:s3:::data/*"]);
    expect(change.added.map(grantText)).toEqual(["Allow s3:ListBucket on arn:aws:s3:::data"]);
  });

  it("grants ListBucket as new access, since on object ARNs it never matched, and resolves the finding", () => {
    const { access } = policyChange("identity", "datasets", objectsOnly, fixed);
    expect(access?.granted).toEqual([{ action: "s3:ListBucket", resource: "arn:aws:s3:::data", conditional: false }]);
    expect(access?.revoked).toEqual([]);
    expect(access?.resolvedFindings).toEqual([expect.stringMatching(/^error RESOURCE_MISMATCH statement 0 \(s3:ListBucket on arn:aws:s3:::data\/\*\)/)]);
    expect(access?.newFindings).toEqual([]);
  });

  it("revokes what a narrowed statement no longer reaches", () => {
    const { access } = policyChange("identity", "p", document({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::*" }), fixed);
    expect(access?.revoked).toEqual([{ action: "s3:GetObject", resource: "arn:aws:s3:::*", conditional: false }]);
  });
});
