import { blockContains, parseCidrBlock, parseIpAddress, type CidrBlock } from "./ip-address";
import { parseTemplate, resolveTemplate, type PolicyTemplate } from "./policy-variables";
import { splitArn, type RequestContext } from "./request";
import { compileMarkedPattern, matchesMarkedPattern, type WildcardMatcher } from "@ml-iam/iam";

/**
 * A condition operator read once: its base comparison, whether it is negated (`StringNotEquals`,
 * `NotIpAddress`, …), the `IfExists` suffix and the `ForAllValues:`/`ForAnyValue:` set prefix.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export interface ConditionOperator {
  base: string;
  negated: boolean;
  ifExists: boolean;
  set?: "ForAllValues" | "ForAnyValue";
}

/**
 * Tests one request value against the condition's policy values: a plain operator is true when any policy
 * value matches; a negated one when every policy value could be compared and none matches.
 */
export type ValueTest = (requestValue: string, context: RequestContext) => boolean;

/** Whether a policy value matches a request value, or undefined when the two cannot be compared. */
type ValueCheck = (requestValue: string, context: RequestContext) => boolean | undefined;

/** A base operator's comparison of one policy value, given how the family reads values and whether `${…}` are variables. */
type CheckFactory = (policyValue: string, variables: boolean) => ValueCheck;

interface BaseOperator {
  negated: boolean;
  check: CheckFactory;
}

/** Reads an operator name case-insensitively; undefined when IAM has no such operator. */
export function parseConditionOperator(operator: string): ConditionOperator | undefined {
  let name = operator.toLowerCase();
  let set: ConditionOperator["set"];
  if (name.startsWith("forallvalues:")) {
    set = "ForAllValues";
    name = name.slice("forallvalues:".length);
  } else if (name.startsWith("foranyvalue:")) {
    set = "ForAnyValue";
    name = name.slice("foranyvalue:".length);
  }
  let ifExists = false;
  if (name.endsWith("ifexists") && name !== "ifexists") {
    ifExists = true;
    name = name.slice(0, -"ifexists".length);
  }
  if (name === "null") return ifExists ? undefined : { base: name, negated: false, ifExists, set };
  const base = baseOperators[name];
  return base ? { base: name, negated: base.negated, ifExists, set } : undefined;
}

/** Compiles the comparison of a (non-Null) operator against its policy values; without `variables`, `${…}` is literal. */
export function compileValueTest(operator: ConditionOperator, policyValues: readonly string[], variables = true): ValueTest {
  const base = baseOperators[operator.base];
  if (!base) return () => false;
  const checks = policyValues.map((value) => base.check(value, variables));
  if (!base.negated) {
    return (requestValue, context) => {
      for (const check of checks) if (check(requestValue, context) === true) return true;
      return false;
    };
  }
  return (requestValue, context) => {
    for (const check of checks) if (check(requestValue, context) !== false) return false;
    return true;
  };
}

// String operators: policy variables substitute; Like adds `*` and `?`; IgnoreCase lowercases both sides.

function stringCheck(options: { wildcards: boolean; ignoreCase: boolean }): CheckFactory {
  return (policyValue, variables) => {
    const template = parseTemplate(policyValue, { wildcards: options.wildcards, lowercase: options.ignoreCase, variables });
    const normalize = options.ignoreCase ? (value: string) => value.toLowerCase() : (value: string) => value;
    if (template.constant !== undefined) {
      const constant = template.constant;
      if (!options.wildcards) return (requestValue) => normalize(requestValue) === constant;
      const matcher = compileMarkedPattern(constant);
      return (requestValue) => matcher(normalize(requestValue));
    }
    return (requestValue, context) => {
      const resolved = resolveTemplate(template, context);
      if (resolved === undefined) return undefined;
      const value = normalize(requestValue);
      return options.wildcards ? matchesMarkedPattern(resolved, value) : value === resolved;
    };
  };
}

// Numeric and Date operators compare parsed values; text that does not parse compares with nothing.

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function parseNumber(text: string): number | undefined {
  return numberPattern.test(text) ? Number(text) : undefined;
}

const epochPattern = /^-?\d+$/;
/** W3C's profile of ISO 8601: a year, month or day, optionally a time with an optional zone. */
const isoDatePattern = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Milliseconds since the epoch of an ISO 8601 date or an epoch time in seconds; times without a zone are UTC. */
export function parseDate(text: string): number | undefined {
  if (epochPattern.test(text)) return Number(text) * 1000;
  if (!isoDatePattern.test(text)) return undefined;
  let iso = text;
  if (text.includes("T") && !/(Z|[+-]\d{2}:?\d{2})$/.test(text)) iso += "Z";
  iso = iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

function orderedCheck(parse: (text: string) => number | undefined, compare: (request: number, policy: number) => boolean): CheckFactory {
  return (policyValue) => {
    const policy = parse(policyValue);
    return (requestValue) => {
      const request = parse(requestValue);
      return policy === undefined || request === undefined ? undefined : compare(request, policy);
    };
  };
}

function orderedFamily(parse: (text: string) => number | undefined, prefix: string): Record<string, BaseOperator> {
  const equals = orderedCheck(parse, (request, policy) => request === policy);
  return {
    [`${prefix}equals`]: { negated: false, check: equals },
    [`${prefix}notequals`]: { negated: true, check: equals },
    [`${prefix}lessthan`]: { negated: false, check: orderedCheck(parse, (request, policy) => request < policy) },
    [`${prefix}lessthanequals`]: { negated: false, check: orderedCheck(parse, (request, policy) => request <= policy) },
    [`${prefix}greaterthan`]: { negated: false, check: orderedCheck(parse, (request, policy) => request > policy) },
    [`${prefix}greaterthanequals`]: { negated: false, check: orderedCheck(parse, (request, policy) => request >= policy) },
  };
}

// Bool: `true` or `false` in any case on both sides; policy variables substitute.

const boolCheck: CheckFactory = (policyValue, variables) => {
  const template = parseTemplate(policyValue, { wildcards: false, lowercase: true, variables });
  return (requestValue, context) => {
    const policy = resolveTemplate(template, context);
    const request = requestValue.toLowerCase();
    if ((policy !== "true" && policy !== "false") || (request !== "true" && request !== "false")) return undefined;
    return policy === request;
  };
};

// Binary: base64 on both sides, compared as bytes.

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(text: string): Buffer | undefined {
  return base64Pattern.test(text) ? Buffer.from(text, "base64") : undefined;
}

const binaryCheck: CheckFactory = (policyValue) => {
  const policy = decodeBase64(policyValue);
  return (requestValue) => {
    const request = decodeBase64(requestValue);
    return policy === undefined || request === undefined ? undefined : policy.equals(request);
  };
};

// IpAddress: IPv4 and IPv6 CIDR blocks; an address of the other version lies outside the block.

const ipCheck: CheckFactory = (policyValue) => {
  const block: CidrBlock | undefined = parseCidrBlock(policyValue);
  return (requestValue) => {
    const address = parseIpAddress(requestValue);
    return block === undefined || address === undefined ? undefined : blockContains(block, address);
  };
};

// Arn: each of the six colon-separated parts matched on its own, with `*` and `?`, case-sensitively.
// ArnEquals and ArnLike are the same operator, as IAM documents them.

interface ArnSegmentPattern {
  template: PolicyTemplate;
  matcher?: WildcardMatcher;
}

const arnCheck: CheckFactory = (policyValue, variables) => {
  const segments: ArnSegmentPattern[] | undefined = splitArn(policyValue)?.map((segment) => {
    const template = parseTemplate(segment, { wildcards: true, variables });
    return { template, matcher: template.constant === undefined ? undefined : compileMarkedPattern(template.constant) };
  });
  return (requestValue, context) => {
    const requested = splitArn(requestValue);
    if (segments === undefined || requested === undefined) return undefined;
    // Segments are compared in order: a mismatch decides before a later variable needs a value.
    for (let index = 0; index < segments.length; index++) {
      const { template, matcher } = segments[index]!;
      const value = requested[index]!;
      if (matcher) {
        if (!matcher(value)) return false;
        continue;
      }
      const resolved = resolveTemplate(template, context);
      if (resolved === undefined) return undefined;
      if (!matchesMarkedPattern(resolved, value)) return false;
    }
    return true;
  };
};

const stringEquals = stringCheck({ wildcards: false, ignoreCase: false });
const stringEqualsIgnoreCase = stringCheck({ wildcards: false, ignoreCase: true });
const stringLike = stringCheck({ wildcards: true, ignoreCase: false });

/** Every base operator but Null, by lowercased name. */
const baseOperators: Record<string, BaseOperator> = {
  stringequals: { negated: false, check: stringEquals },
  stringnotequals: { negated: true, check: stringEquals },
  stringequalsignorecase: { negated: false, check: stringEqualsIgnoreCase },
  stringnotequalsignorecase: { negated: true, check: stringEqualsIgnoreCase },
  stringlike: { negated: false, check: stringLike },
  stringnotlike: { negated: true, check: stringLike },
  ...orderedFamily(parseNumber, "numeric"),
  ...orderedFamily(parseDate, "date"),
  bool: { negated: false, check: boolCheck },
  binaryequals: { negated: false, check: binaryCheck },
  ipaddress: { negated: false, check: ipCheck },
  notipaddress: { negated: true, check: ipCheck },
  arnequals: { negated: false, check: arnCheck },
  arnlike: { negated: false, check: arnCheck },
  arnnotequals: { negated: true, check: arnCheck },
  arnnotlike: { negated: true, check: arnCheck },
};
