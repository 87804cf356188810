import { diffAccess, policyAccessSnapshot, principalsAccess, type PlanPrincipal } from "@ml-iam/analysis";
import { validatePolicy, type PolicyDocumentJson, type StatementJson } from "@ml-iam/iam";
import type { Measurement } from "./measurement";

/** A policy document built to be expensive to check, and what it is called in the results. */
export interface HostileDocument {
  name: string;
  /** A fresh document per run: `salt` differs between runs, so no run reads another's cached pattern expansion. */
  build(salt: number): PolicyDocumentJson;
}

const services = ["s3", "sagemaker", "ecr", "logs", "kms", "iam", "cloudwatch", "ec2"] as const;
const verbs = ["Get*", "List*", "Describe*", "Put*", "Create*", "Delete*"] as const;

/** Statement `index` of the large document: a service's actions on a team's resources, every third under a condition. */
function everydayStatement(index: number, salt: number): StatementJson {
  const service = services[index % services.length]!;
  const team = `team-${index % 97}-${salt}`;
  return {
    Sid: `S${index}`,
    Effect: index % 11 === 0 ? "Deny" : "Allow",
    Action: [`${service}:${verbs[index % verbs.length]!}`, `${service}:${verbs[(index + 1) % verbs.length]!}`],
    Resource: [`arn:aws:${service}:us-east-1:123456789012:${team}/*`, `arn:aws:${service}:us-east-1:123456789012:${team}-${index}`],
    ...(index % 3 === 0 ? { Condition: { StringEquals: { "aws:PrincipalTag/team": team } } } : {}),
  };
}

/** One statement of a hostile pattern as Action and Resource alike. */
function patternStatement(action: string, resource: string): StatementJson {
  return { Effect: "Allow", Action: action, Resource: resource };
}

/** The documents the benchmark checks: 5,000 ordinary statements, runs of `*` and `?`, and a 100 KB action. */
export const hostileDocuments: readonly HostileDocument[] = [
  {
    name: "5,000 statements",
    build: (salt) => ({ Version: "2012-10-17", Statement: Array.from({ length: 5_000 }, (_, index) => everydayStatement(index, salt)) }),
  },
  {
    name: "runs of `*` (s3:*…*x, 1,000 stars, and *a repeated, as actions and resources)",
    build: (salt) => ({
      Version: "2012-10-17",
      Statement: [
        patternStatement(`s3:${"*".repeat(1_000)}x${salt}`, `arn:aws:s3:::${"*".repeat(1_000)}x${salt}`),
        patternStatement(`*:${"*a".repeat(500)}${salt}`, `arn:aws:*:${"*a".repeat(500)}${salt}`),
      ],
    }),
  },
  {
    name: "runs of `?` (s3:?…?, 1,000 marks, and ?* repeated, as actions and resources)",
    build: (salt) => ({
      Version: "2012-10-17",
      Statement: [
        patternStatement(`s3:${"?".repeat(1_000)}${salt}`, `arn:aws:s3:::${"?".repeat(1_000)}${salt}`),
        patternStatement(`*:${"?*".repeat(500)}${salt}`, `arn:aws:*:${"?*".repeat(500)}${salt}`),
      ],
    }),
  },
  {
    name: "a 100 KB action (s3: then *a repeated)",
    build: (salt) => ({ Version: "2012-10-17", Statement: [patternStatement(`s3:${"*a".repeat(50_000)}${salt}`, "*")] }),
  },
];

function time(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** A role holding just the document, as `ml-iam access-diff` holds a bare policy file. */
function holderOf(name: string, document: PolicyDocumentJson): PlanPrincipal {
  return { stack: "", kind: "role", name, arn: name, tags: {}, policies: [{ name, document }] };
}

/** The document without its first statement: the base a pull request's change is compared against. */
function withoutFirstStatement(document: PolicyDocumentJson): PolicyDocumentJson {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return { ...document, Statement: statements.slice(1) };
}

/**
 * Lint (the rule registry, as `ml-iam lint` and the plan run it), access (what a role holding the document may
 * do) and access-diff (the document against itself less one statement) of each hostile document, `runs` times.
 * The library is timed, not the CLI: the CLI refuses documents past 10,240 characters, the plan and policy pack do not.
 */
export function hostileInputMeasurements(runs: number): Measurement[] {
  const target = { max: 2_000, label: "< 2 s" };
  // Each operation and run gets its own salt: access-diff must not find what access expanded in the cache.
  const timed = (build: HostileDocument["build"], operation: number, check: (document: PolicyDocumentJson) => unknown) =>
    Array.from({ length: runs }, (_, run) => build(operation * runs + run)).map((document) => time(() => check(document)));
  return hostileDocuments.flatMap(({ name, build }) => [
    { name: `lint of ${name}`, unit: "ms" as const, runs: timed(build, 0, (document) => validatePolicy(document, { kind: "identity" })), target },
    { name: `access of ${name}`, unit: "ms" as const, runs: timed(build, 1, (document) => principalsAccess([holderOf("policy.json", document)])), target },
    {
      name: `access-diff of ${name}`,
      unit: "ms" as const,
      runs: timed(build, 2, (document) => diffAccess(policyAccessSnapshot("policy.json", withoutFirstStatement(document)), policyAccessSnapshot("policy.json", document))),
      target,
    },
  ]);
}
