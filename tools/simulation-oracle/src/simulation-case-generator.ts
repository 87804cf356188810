import type { ConditionJson, PolicyDocumentJson, StatementJson } from "@ml-iam/iam";
import type { SimulationPolicies } from "@ml-iam/analysis";
import type { SimulationRequest } from "@ml-iam/analysis/src/simulation/request";
import { oracleAccount } from "./oracle-simulation";
import { SeededRandom } from "./seeded-random";

/** One request and the policies to decide it with. */
export interface SimulationCase {
  request: SimulationRequest;
  policies: SimulationPolicies;
}

// The vocabulary of the seeds and the team stacks: teams, users, buckets, SageMaker jobs, roles.
const region = "us-east-1";
const teams = ["data-scientists", "model-builders", "central-ai", "distributed-ml"];
const users = ["alice", "bob"];
const buckets = ["ml-datasets-dev", "data-scientists-datasets-dev", "model-builders-artifacts-dev", "home"];
const files = ["a.csv", "b.parquet", "notes.txt", "model.tar.gz"];

interface ActionTarget {
  action: string;
  resource(random: SeededRandom): string;
  /** Context keys of the action's own service that its requests carry. */
  serviceKeys?: readonly string[];
}

const objectArn = (random: SeededRandom) => {
  const bucket = random.pick(buckets);
  const folder = bucket === "home" ? `${random.pick(users)}/${random.pick(["", "work/"])}` : random.pick(["curated/", "raw/", "Curated/", `${random.pick(teams)}/`]);
  return `arn:aws:s3:::${bucket}/${folder}${random.pick(files)}`;
};
const bucketArn = (random: SeededRandom) => `arn:aws:s3:::${random.pick(buckets)}`;
const sageMakerArn = (type: string) => (random: SeededRandom) => `arn:aws:sagemaker:${region}:${oracleAccount}:${type}/${random.pick(teams)}-${random.integer(1, 9)}`;
const instanceArn = (random: SeededRandom) => `arn:aws:ec2:${region}:${oracleAccount}:instance/i-0${random.integer(100000, 999999)}`;
const roleArn = (random: SeededRandom) => {
  const team = random.pick(teams);
  return `arn:aws:iam::${oracleAccount}:role/ml/${team}/${team}-${random.pick(["execution", "access"])}`;
};
const noResource = () => "*";

/** Actions with resources of the types they take, so that the oracle's resource-type check passes. */
const targets: ActionTarget[] = [
  { action: "s3:GetObject", resource: objectArn },
  { action: "s3:PutObject", resource: objectArn },
  { action: "s3:DeleteObject", resource: objectArn },
  { action: "s3:ListBucket", resource: bucketArn, serviceKeys: ["s3:prefix"] },
  { action: "sagemaker:CreateTrainingJob", resource: sageMakerArn("training-job") },
  { action: "sagemaker:DescribeTrainingJob", resource: sageMakerArn("training-job") },
  { action: "sagemaker:StopTrainingJob", resource: sageMakerArn("training-job") },
  { action: "sagemaker:CreateProcessingJob", resource: sageMakerArn("processing-job") },
  { action: "sagemaker:ListTrainingJobs", resource: noResource },
  { action: "ec2:RunInstances", resource: instanceArn },
  { action: "ec2:TerminateInstances", resource: instanceArn },
  { action: "ec2:DescribeInstances", resource: noResource },
  { action: "iam:PassRole", resource: roleArn, serviceKeys: ["iam:PassedToService"] },
  { action: "iam:GetRole", resource: roleArn },
];

const actionPatterns = [
  "s3:GetObject", "s3:getobject", "S3:PutObject", "s3:*", "s3:Get*", "s3:?etObject", "s3:List*", "s3:DeleteObject",
  "sagemaker:*", "sagemaker:Create*", "sagemaker:*TrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:ListTrainingJobs",
  "ec2:*", "ec2:RunInstances", "ec2:Describe*", "ec2:TerminateInstances", "iam:PassRole", "iam:Get*", "iam:*", "*",
];

const resourcePatterns = [
  "*",
  "arn:aws:s3:::*",
  "arn:aws:s3:::ml-datasets-dev",
  "arn:aws:s3:::ml-datasets-dev/*",
  "arn:aws:s3:::ml-datasets-dev/curated/*",
  "arn:aws:s3:::ML-datasets-dev/*",
  "arn:aws:s3:::*-datasets-dev/*",
  "arn:aws:s3:::home/${aws:username}/*",
  "arn:aws:s3:::home/${aws:username, 'alice'}/*",
  "arn:aws:s3:::home/${*}",
  "arn:aws:s3:::${aws:PrincipalTag/team}-datasets-dev/*",
  `arn:aws:sagemaker:${region}:${oracleAccount}:training-job/\${aws:PrincipalTag/team}-*`,
  "arn:aws:sagemaker:*:*:training-job/data-scientists-*",
  `arn:aws:sagemaker:${region}:${oracleAccount}:*`,
  "arn:aws:sagemaker:*:*:processing-job/*",
  `arn:aws:iam::${oracleAccount}:role/ml/\${aws:PrincipalTag/team}/*`,
  "arn:aws:iam::*:role/ml/*",
  `arn:aws:iam::${oracleAccount}:role/ml/data-scientists/data-scientists-execution`,
  `arn:aws:ec2:${region}:${oracleAccount}:instance/*`,
  "arn:aws:ec2:*:*:*",
  "arn:aws:ec2:*:222222222222:instance/*",
];

/** Context keys the requests may carry and how their values are drawn: global keys, then service keys. */
const contextValues: Record<string, (random: SeededRandom) => string | string[]> = {
  "aws:RequestTag/team": (random) => random.pick([...teams, "Data-Scientists"]),
  "aws:ResourceTag/team": (random) => random.pick(teams),
  "aws:PrincipalTag/team": (random) => random.pick(teams),
  "aws:username": (random) => random.pick(users),
  "aws:SourceAccount": (random) => random.pick([oracleAccount, "222222222222"]),
  "aws:MultiFactorAuthPresent": (random) => random.pick(["true", "false"]),
  "aws:SecureTransport": (random) => random.pick(["true", "false"]),
  "aws:MultiFactorAuthAge": (random) => random.pick([String(random.integer(0, 7200)), "600", "3600", "12.5"]),
  "aws:CurrentTime": (random) => isoDate(random),
  "aws:EpochTime": (random) => String(epochSeconds(random)),
  "aws:SourceIp": (random) => random.pick(["10.1.2.3", "192.168.7.9", "203.0.113.7", "198.51.100.20", "2001:db8::7", "2001:db8:5::1", "fd00::42"]),
  "aws:TagKeys": (random) => random.subset(["team", "cost-center", "owner", "Team"], random.chance(0.1) ? 0 : 1, 3),
  "aws:PrincipalArn": (random) => random.chance(0.8) ? roleArn(random).replace("-execution", "-access") : "arn:aws:iam::222222222222:role/outsider",
  "s3:prefix": (random) => random.pick(["curated/", "raw/", "home/alice/", "home/bob/x", "Curated/"]),
  "iam:PassedToService": (random) => random.pick(["sagemaker.amazonaws.com", "ec2.amazonaws.com"]),
};

const startOf2025 = 1735689600;

function epochSeconds(random: SeededRandom): number {
  return startOf2025 + random.integer(0, 2 * 365) * 86400 + random.pick([0, 3600, 43200]);
}

function isoDate(random: SeededRandom, seconds = epochSeconds(random)): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

type ConditionValueJson = ConditionJson[string][string];
type ConditionPart = { operator: string; key: string; values: ConditionValueJson };

const stringOperators = ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"];
const ordered = ["Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan", "GreaterThanEquals"];

function maybeIfExists(random: SeededRandom, operator: string): string {
  return random.chance(0.25) ? `${operator}IfExists` : operator;
}

function values(random: SeededRandom, pool: readonly string[], max = 2): ConditionValueJson {
  const chosen = random.subset(pool, 1, max);
  return chosen.length === 1 && random.chance(0.5) ? chosen[0]! : chosen;
}

/** Condition shapes drawn from the stacks' conditions and the operator families IAM has. */
const conditionMakers: ((random: SeededRandom) => ConditionPart)[] = [
  (random) => ({
    operator: maybeIfExists(random, random.pick(stringOperators)),
    key: random.pick(["aws:RequestTag/team", "aws:ResourceTag/team", "aws:PrincipalTag/team"]),
    values: values(random, [...teams, "data-*", "*-builders", "DATA-SCIENTISTS", "${aws:PrincipalTag/team}", "${aws:PrincipalTag/team, 'central-ai'}"]),
  }),
  (random) => ({
    operator: maybeIfExists(random, random.pick(["StringLike", "StringNotLike", "StringEquals"])),
    key: "s3:prefix",
    values: values(random, ["home/${aws:username}/*", "curated/*", "raw/", "home/*"]),
  }),
  (random) => ({
    operator: random.pick(["StringEquals", "StringNotEquals", "StringLike"]),
    key: "iam:PassedToService",
    values: values(random, ["sagemaker.amazonaws.com", "ec2.amazonaws.com", "*.amazonaws.com"]),
  }),
  (random) => ({ operator: random.pick(["StringEquals", "StringNotEquals"]), key: "aws:SourceAccount", values: values(random, [oracleAccount, "222222222222"]) }),
  (random) => ({
    operator: `${random.chance(0.9) ? `${random.pick(["ForAllValues", "ForAnyValue"])}:` : ""}${maybeIfExists(random, random.pick(stringOperators))}`,
    key: "aws:TagKeys",
    values: values(random, ["team", "cost-center", "owner", "t*"], 3),
  }),
  (random) => ({
    operator: random.pick(["Bool", "BoolIfExists"]),
    key: random.pick(["aws:MultiFactorAuthPresent", "aws:SecureTransport"]),
    values: random.pick<ConditionValueJson>(["true", "false", true, false]),
  }),
  (random) => ({
    operator: maybeIfExists(random, `Numeric${random.pick(ordered)}`),
    key: "aws:MultiFactorAuthAge",
    values: values(random, ["3600", "600", "0", "12.5"]),
  }),
  (random) => {
    const key = random.pick(["aws:CurrentTime", "aws:EpochTime"]);
    const seconds = epochSeconds(random);
    // Mostly the form the key's own values take; sometimes the other form, which IAM accepts as well.
    const epochForm = key === "aws:EpochTime" ? random.chance(0.7) : random.chance(0.3);
    return { operator: maybeIfExists(random, `Date${random.pick(ordered)}`), key, values: epochForm ? String(seconds) : isoDate(random, seconds) };
  },
  (random) => ({
    operator: maybeIfExists(random, random.pick(["IpAddress", "NotIpAddress"])),
    key: "aws:SourceIp",
    values: values(random, ["10.0.0.0/8", "192.168.0.0/16", "203.0.113.7", "2001:db8::/32", "fd00::/8", "0.0.0.0/0", "2001:db8::7"]),
  }),
  (random) => ({
    operator: maybeIfExists(random, random.pick(["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"])),
    key: "aws:PrincipalArn",
    values: values(random, [
      `arn:aws:iam::${oracleAccount}:role/ml/*`,
      "arn:aws:iam::*:role/ml/${aws:PrincipalTag/team}/*",
      "arn:aws:iam::222222222222:*",
      `arn:aws:iam::${oracleAccount}:role/ml/data-scientists/data-scientists-access`,
    ]),
  }),
  (random) => ({ operator: "Null", key: random.pick(Object.keys(contextValues)), values: random.pick(["true", "false"]) }),
];

function relatedActionPattern(random: SeededRandom, action: string): string {
  const [service, name] = action.split(":") as [string, string];
  return random.pick([action, action.toLowerCase(), `${service}:*`, `${service}:${name.slice(0, 3)}*`, `${service}:?${name.slice(1)}`, "*"]);
}

function relatedResourcePattern(random: SeededRandom, resource: string): string {
  if (resource === "*") return "*";
  const lastSlash = resource.lastIndexOf("/");
  const [, , service, , , rest] = resource.split(":") as string[];
  return random.pick([
    resource,
    "*",
    `${resource.slice(0, lastSlash + 1)}*`,
    `${resource.slice(0, -2)}?${resource.slice(-1)}`,
    `arn:aws:${service}:*:*:${(rest ?? "").split("/")[0]}/*`,
    resource.replace(/\/([a-z])/, (_match, letter: string) => `/${letter.toUpperCase()}`),
  ]);
}

function statement(random: SeededRandom, request: SimulationRequest, allowBias: number): StatementJson {
  const actions = random.subset([0, 1, 2], 1, 2).map(() => (random.chance(0.55) ? relatedActionPattern(random, request.action) : random.pick(actionPatterns)));
  const resources = random.subset([0, 1, 2], 1, 2).map(() => (random.chance(0.55) ? relatedResourcePattern(random, request.resource) : random.pick(resourcePatterns)));
  const result: StatementJson = { Effect: random.chance(allowBias) ? "Allow" : "Deny" };
  if (random.chance(0.3)) result.Sid = `S${random.integer(1, 99)}`;
  if (random.chance(0.12)) result.NotAction = actions;
  else result.Action = actions.length === 1 ? actions[0] : actions;
  if (random.chance(0.12)) result.NotResource = resources;
  else result.Resource = resources.length === 1 ? resources[0] : resources;
  if (random.chance(0.6)) result.Condition = conditions(random);
  return result;
}

function conditions(random: SeededRandom): ConditionJson {
  const condition: ConditionJson = {};
  const count = random.integer(1, 3);
  for (let index = 0; index < count; index++) {
    const { operator, key, values: policyValues } = random.pick(conditionMakers)(random);
    (condition[operator] ??= {})[key] = policyValues;
  }
  return condition;
}

function document(random: SeededRandom, request: SimulationRequest, statements: number, allowBias: number): PolicyDocumentJson {
  const Statement = Array.from({ length: statements }, () => statement(random, request, allowBias));
  // Mostly the current policy language; sometimes the 2008 one or none, where ${…} is literal text.
  const version = random.pick(["2012-10-17", "2012-10-17", "2012-10-17", "2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17", undefined]);
  return version === undefined ? { Statement } : { Version: version, Statement };
}

/** A request for one of the vocabulary's actions, with a resource of a type it takes and a random context. */
function randomRequest(random: SeededRandom): SimulationRequest {
  const target = random.pick(targets);
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(contextValues)) {
    const own = target.serviceKeys?.includes(key) ?? false;
    // Global keys come with any action; a service's keys mostly with its own actions (the oracle drops the rest).
    if (random.chance(own ? 0.75 : key.startsWith("aws:") ? 0.45 : 0.1)) context[key] = value(random);
  }
  return { action: target.action, resource: target.resource(random), context };
}

/**
 * `count` random but well-formed cases from a seed: identity policies (one to three documents of one to
 * four statements) and, half the time, a permissions boundary, biased towards statements that concern
 * the request so that every decision turns up often.
 */
export function generateSimulationCases(seed: number, count: number): SimulationCase[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => {
    const request = randomRequest(random);
    const identity = Array.from({ length: random.integer(1, 3) }, () => document(random, request, random.integer(1, 4), 0.7));
    const boundary = random.chance(0.5) ? document(random, request, random.integer(1, 3), 0.85) : undefined;
    return { request, policies: boundary ? { identity, boundary } : { identity } };
  });
}
