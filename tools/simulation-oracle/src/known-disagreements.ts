import { asList, type ConditionJson, type PolicyDocumentJson, type StatementJson } from "@ml-iam/iam";
import type { SimulationCase } from "./simulation-case-generator";

/**
 * Where iam-simulate reads a policy differently from AWS's documentation, and the engine keeps the
 * documented reading. Each rewrites a case into one that means the same to IAM but that the oracle reads
 * as documented; the differential test sends the rewritten case to the oracle and the original to the engine.
 */
export interface KnownDisagreement {
  name: string;
  /** What differs and why the engine is right. */
  reason: string;
  /** The case rewritten to mean the same to IAM; the same object when the rewrite does not apply. */
  rewrite(simulationCase: SimulationCase): SimulationCase;
}

type ConditionValues = ConditionJson[string][string];
type Context = Readonly<Record<string, string | readonly string[]>>;

/** An operator/key pair rewritten: a new operator and values, or undefined to drop the pair. */
type PairRewrite = (pair: { operator: string; key: string; values: ConditionValues }, context: Context) => { operator: string; values: ConditionValues } | undefined;

function baseOperator(operator: string): string {
  return operator.replace(/^for(all|any)values?:/i, "").replace(/ifexists$/i, "").toLowerCase();
}

function contextValue(context: Context, key: string): string | readonly string[] | undefined {
  const lowercase = key.toLowerCase();
  return Object.entries(context).find(([name]) => name.toLowerCase() === lowercase)?.[1];
}

/** Applies a rewrite to every operator/key pair of every statement; returns the same case when nothing changed. */
function rewritePairs(simulationCase: SimulationCase, rewrite: PairRewrite): SimulationCase {
  const context = simulationCase.request.context ?? {};
  let changed = false;
  const rewriteStatement = (statement: StatementJson): StatementJson => {
    if (!statement.Condition) return statement;
    const condition: ConditionJson = {};
    for (const [operator, block] of Object.entries(statement.Condition)) {
      for (const [key, values] of Object.entries(block)) {
        const result = rewrite({ operator, key, values }, context);
        if (result === undefined || result.operator !== operator || JSON.stringify(result.values) !== JSON.stringify(values)) changed = true;
        if (result !== undefined) (condition[result.operator] ??= {})[key] = result.values;
      }
    }
    const { Condition: _old, ...rest } = statement;
    return Object.keys(condition).length === 0 ? rest : { ...rest, Condition: condition };
  };
  const rewriteDocument = (document: PolicyDocumentJson): PolicyDocumentJson => ({ ...document, Statement: asList(document.Statement).map(rewriteStatement) });
  const identity = simulationCase.policies.identity.map(rewriteDocument);
  const boundary = simulationCase.policies.boundary && rewriteDocument(simulationCase.policies.boundary);
  if (!changed) return simulationCase;
  return { request: simulationCase.request, policies: boundary ? { identity, boundary } : { identity } };
}

function rewriteValues(simulationCase: SimulationCase, applies: (base: string) => boolean, rewrite: (value: string, contextValue: string | readonly string[] | undefined) => string[]): SimulationCase {
  return rewritePairs(simulationCase, ({ operator, key, values }, context) => {
    if (!applies(baseOperator(operator))) return { operator, values };
    const rewritten = asList(values).flatMap((value) => rewrite(String(value), contextValue(context, key)));
    return { operator, values: rewritten.length === 1 ? rewritten[0]! : rewritten };
  });
}

/** `${` as iam-simulate reads literal text: `${$}` stands for `$`. */
function literalVariableSyntax(value: string): string {
  return value.replaceAll("${", "${$}{");
}

function withLiteralVariables(statement: StatementJson): StatementJson {
  const rewritten: StatementJson = { ...statement };
  const literal = (value: string | string[] | undefined) => (value === undefined ? undefined : Array.isArray(value) ? value.map(literalVariableSyntax) : literalVariableSyntax(value));
  if (statement.Resource !== undefined) rewritten.Resource = literal(statement.Resource);
  if (statement.NotResource !== undefined) rewritten.NotResource = literal(statement.NotResource);
  if (statement.Condition) {
    rewritten.Condition = Object.fromEntries(
      Object.entries(statement.Condition).map(([operator, block]) => [
        operator,
        Object.fromEntries(Object.entries(block).map(([key, values]) => [key, Array.isArray(values) ? values.map((value) => (typeof value === "string" ? literalVariableSyntax(value) : value)) : typeof values === "string" ? literalVariableSyntax(values) : values])),
      ]),
    );
  }
  return rewritten;
}

const isIpOperator = (base: string) => base === "ipaddress" || base === "notipaddress";
const epochPattern = /^\d+$/;

/** The known disagreements, each listed with its reason. */
export const knownDisagreements: KnownDisagreement[] = [
  {
    name: "policy variables before Version 2012-10-17",
    reason:
      "AWS reads ${…} as a policy variable only in documents of Version 2012-10-17; in a 2008-10-17 document or one " +
      "without a Version it is literal text. iam-simulate substitutes variables whatever the Version. Rewritten with " +
      "the ${$} escape, so that the oracle reads the same literal text.",
    rewrite: (simulationCase) => {
      const older = (document: PolicyDocumentJson) => document.Version !== "2012-10-17" && JSON.stringify(document).includes("${");
      const { identity, boundary } = simulationCase.policies;
      if (!identity.some(older) && !(boundary && older(boundary))) return simulationCase;
      const rewrite = (document: PolicyDocumentJson) => (older(document) ? { ...document, Statement: asList(document.Statement).map(withLiteralVariables) } : document);
      const policies = boundary ? { identity: identity.map(rewrite), boundary: rewrite(boundary) } : { identity: identity.map(rewrite) };
      return { request: simulationCase.request, policies };
    },
  },
  {
    name: "IPv4 /0 block",
    reason:
      "iam-simulate builds the IPv4 mask as -1 << (32 - prefix); JavaScript shifts by 32 mod 32, so 0.0.0.0/0 " +
      "matches 0.0.0.0 alone instead of every IPv4 address. Rewritten as 0.0.0.0/1 and 128.0.0.0/1, the same addresses.",
    rewrite: (simulationCase) =>
      rewriteValues(simulationCase, isIpOperator, (value, requestValue) =>
        value === "0.0.0.0/0" && requestValue !== undefined ? ["0.0.0.0/1", "128.0.0.0/1"] : [value],
      ),
  },
  {
    name: "bare address against the other IP version",
    reason:
      "iam-simulate compares a bare address (no /prefix) by text and answers false for a request address of the " +
      "other IP version, so NotIpAddress does not hold where AWS says the address is outside. Rewritten as a /32 or " +
      "/128 block, which is how AWS reads a bare address.",
    rewrite: (simulationCase) =>
      rewriteValues(simulationCase, isIpOperator, (value, requestValue) => {
        const request = typeof requestValue === "string" ? requestValue : requestValue?.[0];
        if (value.includes("/") || request === undefined || request.includes(":") === value.includes(":")) return [value];
        return [`${value}/${value.includes(":") ? 128 : 32}`];
      }),
  },
  {
    name: "epoch date against ISO 8601 date",
    reason:
      "iam-simulate reads an epoch date as a number of seconds but an ISO 8601 date as milliseconds, so a policy date " +
      "in one form never compares correctly with a request date in the other; AWS accepts both forms. Rewritten into " +
      "the form of the request's value, the same instant.",
    rewrite: (simulationCase) =>
      rewriteValues(
        simulationCase,
        (base) => base.startsWith("date"),
        (value, requestValue) => {
          const request = typeof requestValue === "string" ? requestValue : requestValue?.[0];
          if (request === undefined || epochPattern.test(request) === epochPattern.test(value)) return [value];
          return [epochPattern.test(value) ? new Date(Number(value) * 1000).toISOString() : String(Date.parse(value) / 1000)];
        },
      ),
  },
  {
    name: "ForAnyValue with IfExists on a missing key",
    reason:
      "AWS documents IfExists as true when the key is missing, whatever the operator; iam-simulate ignores IfExists on " +
      "ForAnyValue operators and answers false. Rewritten by dropping such a condition when its key is missing.",
    rewrite: (simulationCase) =>
      rewritePairs(simulationCase, ({ operator, key, values }, context) =>
        /^foranyvalue:.*ifexists$/i.test(operator) && contextValue(context, key) === undefined ? undefined : { operator, values },
      ),
  },
];
