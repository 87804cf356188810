import type { ConditionJson } from "@ml-iam/iam";
import { knownDisagreements } from "./known-disagreements";
import type { SimulationCase } from "./simulation-case-generator";

function caseWith(condition: ConditionJson, context: Record<string, string | string[]>): SimulationCase {
  return {
    request: { action: "s3:GetObject", resource: "arn:aws:s3:::ml-datasets-dev/a.csv", context },
    policies: { identity: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*", Condition: condition }] }] },
  };
}

function rewrite(name: string, simulationCase: SimulationCase): ConditionJson | undefined {
  const known = knownDisagreements.find((candidate) => candidate.name === name)!;
  const rewritten = known.rewrite(simulationCase);
  if (rewritten === simulationCase) return undefined;
  const [statement] = rewritten.policies.identity[0]!.Statement as { Condition?: ConditionJson }[];
  return statement!.Condition ?? {};
}

describe("known disagreements with iam-simulate", () => {
  it.each<[string, ConditionJson, Record<string, string | string[]>, ConditionJson | undefined]>([
    ["IPv4 /0 block", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, { "aws:SourceIp": "10.0.0.1" }, { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } }],
    ["IPv4 /0 block", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, {}, undefined],
    ["IPv4 /0 block", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "10.0.0.1" }, undefined],
    ["bare address against the other IP version", { NotIpAddress: { "aws:SourceIp": ["203.0.113.7", "10.0.0.0/8"] } }, { "aws:SourceIp": "2001:db8::1" }, { NotIpAddress: { "aws:SourceIp": ["203.0.113.7/32", "10.0.0.0/8"] } }],
    ["bare address against the other IP version", { NotIpAddress: { "aws:SourceIp": "203.0.113.7" } }, { "aws:SourceIp": "10.0.0.1" }, undefined],
    ["epoch date against ISO 8601 date", { DateLessThan: { "aws:CurrentTime": "1735689600" } }, { "aws:CurrentTime": "2025-06-01T00:00:00Z" }, { DateLessThan: { "aws:CurrentTime": "2025-01-01T00:00:00.000Z" } }],
    ["epoch date against ISO 8601 date", { DateLessThan: { "aws:EpochTime": "2025-01-01T00:00:00Z" } }, { "aws:EpochTime": "1748736000" }, { DateLessThan: { "aws:EpochTime": "1735689600" } }],
    ["epoch date against ISO 8601 date", { DateLessThan: { "aws:CurrentTime": "2025-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2025-06-01T00:00:00Z" }, undefined],
    ["ForAnyValue with IfExists on a missing key", { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "team" }, Bool: { "aws:SecureTransport": "true" } }, {}, { Bool: { "aws:SecureTransport": "true" } }],
    ["ForAnyValue with IfExists on a missing key", { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "team" } }, {}, {}],
    ["ForAnyValue with IfExists on a missing key", { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "team" } }, { "aws:tagkeys": ["team"] }, undefined],
  ])("%s rewrites %j with context %j into %j", (name, condition, context, expected) => {
    expect(rewrite(name, caseWith(condition, context))).toEqual(expected);
  });

  it("gives every disagreement a reason", () => {
    for (const known of knownDisagreements) expect(known.reason.length).toBeGreaterThan(80);
  });
});
