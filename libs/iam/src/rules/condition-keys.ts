import { operatorFamily, type ConditionOperatorFamily } from "../condition";
import { deprecatedConditionKeys } from "../generated/deprecated-condition-keys";
import {
  actionsNamedBy,
  findConditionKey,
  findResourceType,
  type ActionInfo,
} from "../internal/service-catalog";
import type { NormalizedStatement } from "../normalized-policy";
import type { Rule, RuleHit } from "./rule";

/** Keys of web identity providers (`token.actions.githubusercontent.com:sub`) are named by the provider's host. */
function isWebIdentityKey(key: string): boolean {
  const prefix = key.slice(0, key.indexOf(":"));
  return prefix.includes(".") || prefix.includes("/");
}

function actionsOf(statement: NormalizedStatement): ActionInfo[] | "any" {
  if (!statement.actions || statement.actions.includes("*")) return "any";
  return statement.actions.flatMap(actionsNamedBy);
}

function keysSupportedBy(action: ActionInfo): Set<string> {
  const keys = new Set(action.conditionKeys.map((key) => key.toLowerCase()));
  for (const resourceType of action.resourceTypes) {
    for (const key of resourceType.conditionKeys) keys.add(key.toLowerCase());
    for (const key of findResourceType(action.service, resourceType.name)?.conditionKeys ?? []) keys.add(key.toLowerCase());
  }
  return keys;
}

function deprecatedKeys(): Set<string> {
  return new Set(Object.keys(deprecatedConditionKeys).map((key) => key.toLowerCase()));
}

/** Condition keys must exist, globally or for at least one action of their statement. */
export const unknownConditionKey: Rule = {
  code: "UNKNOWN_CONDITION_KEY",
  severity: "warning",
  trigger: "a condition key unknown globally and to every action of its statement (such a condition never matches)",
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      const actions = actionsOf(statement);
      for (const { key } of statement.conditions) {
        if (isWebIdentityKey(key) || deprecatedKeys().has(key.toLowerCase())) continue; // DEPRECATED_CONDITION_KEY reports those
        const info = findConditionKey(key);
        if (info?.global) continue;
        if (info && (actions === "any" || actions.some((a) => keysSupportedBy(a).has(info.key.toLowerCase())))) continue;
        hits.push({
          statement: statement.index,
          message: info
            ? `condition key ${key} is not supported by any action of this statement: it never matches here; move it to a statement whose actions support it`
            : `unknown condition key ${key}: check its spelling against the service authorization reference`,
        });
      }
    }
    return hits;
  },
};

const familiesByKeyType: Record<string, readonly ConditionOperatorFamily[]> = {
  String: ["String"],
  ArrayOfString: ["String"],
  ARN: ["Arn", "String"],
  ArrayOfARN: ["Arn", "String"],
  Bool: ["Bool"],
  ArrayOfBool: ["Bool"],
  Numeric: ["Numeric"],
  ArrayOfNumeric: ["Numeric"],
  Date: ["Date"],
  IPAddress: ["IpAddress"],
  Binary: ["Binary"],
};

/** The operator's family must fit the key's type: a Numeric operator never matches a String key. */
export const conditionTypeMismatch: Rule = {
  code: "CONDITION_TYPE_MISMATCH",
  severity: "warning",
  trigger: "a condition operator whose family does not fit the key's type (Numeric on a String key, String on a Bool key, …)",
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      for (const { operator, key } of statement.conditions) {
        const family = operatorFamily(operator);
        if (family === undefined) {
          hits.push({ statement: statement.index, message: `unknown condition operator ${operator}` });
          continue;
        }
        if (family === "Null") continue;
        const info = findConditionKey(key);
        const allowed = info ? familiesByKeyType[info.type] : undefined;
        if (!info || !allowed || allowed.includes(family)) continue;
        hits.push({
          statement: statement.index,
          message: `${operator} is a ${family} operator but ${info.key} is of type ${info.type}: use a ${allowed[0]} operator`,
        });
      }
    }
    return hits;
  },
};

/** Keys that AWS has replaced keep working for a while, then silently stop matching. */
export const deprecatedConditionKey: Rule = {
  code: "DEPRECATED_CONDITION_KEY",
  severity: "warning",
  trigger: "a condition key the IAM data marks deprecated",
  check({ policy }) {
    const hits: RuleHit[] = [];
    const byLowerCase = new Map(Object.entries(deprecatedConditionKeys).map(([k, v]) => [k.toLowerCase(), v]));
    for (const statement of policy.statements) {
      for (const { key } of statement.conditions) {
        const replacement = byLowerCase.get(key.toLowerCase());
        if (replacement) {
          hits.push({ statement: statement.index, message: `condition key ${key} is deprecated: use ${replacement}` });
        }
      }
    }
    return hits;
  },
};
