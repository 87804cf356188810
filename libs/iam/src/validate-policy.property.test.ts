import fc from "fast-check";
import type { PolicyDocumentJson, PolicyKind } from "./policy-json";
import { validatePolicy } from "./validate-policy";

// One seed for every run, so CI decides the same cases each time; change it to explore new ones.
fc.configureGlobal({ seed: 20261207 });

const kinds: readonly PolicyKind[] = ["identity", "trust", "boundary", "inline"];

/** A value where a policy expects a string or list: usually a pattern, sometimes anything JSON holds. */
const patternish = fc.oneof(
  fc.string({ unit: fc.constantFrom("s", "3", ":", "*", "?", "a", "/", "$", "{", "}", "G"), maxLength: 20 }),
  fc.constantFrom("*", "s3:GetObject", "iam:PassRole", "arn:aws:s3:::b/*", "${aws:username}", "${*}", "sts:AssumeRole"),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Keys a reader might trip on when it treats JSON objects as plain records. */
const awkwardKey = fc.constantFrom("toString", "valueOf", "__proto__", "constructor", "aws:SourceArn", "s3:prefix", "");

const condition = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom("StringEquals", "ArnLike", "Null", "ForAnyValue:StringLike", "Bool"), awkwardKey), fc.dictionary(awkwardKey, patternish, { maxKeys: 3 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const principal = fc.oneof(
  fc.constant("*"),
  fc.record({ AWS: patternish }, { requiredKeys: [] }),
  fc.record({ Service: patternish, Federated: patternish }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A statement as people (and fuzzers) write them: the right keys, sometimes with the wrong values. */
const statement = fc.record(
  {
    Sid: fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
    Effect: fc.oneof(fc.constantFrom("Allow", "Deny", "deny", ""), fc.jsonValue({ maxDepth: 1 })),
    Action: patternish,
    NotAction: patternish,
    Resource: patternish,
    NotResource: patternish,
    Principal: principal,
    NotPrincipal: principal,
    Condition: condition,
  },
  { requiredKeys: [] },
);

const policyShaped = fc.record(
  {
    Version: fc.oneof(fc.constantFrom("2012-10-17", "2008-10-17"), fc.jsonValue({ maxDepth: 1 })),
    Id: fc.string({ maxLength: 8 }),
    Statement: fc.oneof(fc.array(fc.oneof({ weight: 5, arbitrary: statement }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 6 }), statement, fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: [] },
);

/** Validation answers with findings, each a known severity and a message; it never throws on what JSON can hold. */
function expectFindings(document: unknown, kind: PolicyKind): void {
  const findings = validatePolicy(document as PolicyDocumentJson, { kind });
  for (const finding of findings) {
    expect(["error", "warning"]).toContain(finding.severity);
    expect(typeof finding.code).toBe("string");
    expect(typeof finding.message).toBe("string");
  }
}

describe("policy validation, over random JSON and random policy-shaped documents", () => {
  it("answers any JSON value with findings, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...kinds), expectFindings),
      { numRuns: 500 },
    );
  });

  it("answers documents with the right keys and wrong values with findings, never an exception", () => {
    // The first example is JSON.parse('{"Version":{"toString":1}}'), whose Version once threw instead of being reported.
    // The second, a principal whose value list holds a null, once threw in the trust rules that read principals as text.
    const examples: [Record<string, unknown>, PolicyKind][] = [
      [{ Version: { toString: 1 }, Statement: [] }, "identity"],
      [{ Statement: [{ Effect: "Allow", Principal: { Service: [null] } }] }, "trust"],
    ];
    fc.assert(fc.property(policyShaped, fc.constantFrom(...kinds), expectFindings), { numRuns: 500, examples });
  });

  it("reports a document that is not a valid policy as INVALID_DOCUMENT rather than trusting its type", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.jsonValue({ maxDepth: 1 }))), (document) => {
        const codes = validatePolicy(document as unknown as PolicyDocumentJson, { kind: "identity" }).map((finding) => finding.code);
        expect(codes).toContain("INVALID_DOCUMENT");
      }),
      { numRuns: 200 },
    );
  });
});
