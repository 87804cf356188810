import type { ConditionJson, PolicyDocumentJson, PrincipalJson, StatementJson } from "./policy-json";

/** A statement whose Pulumi Inputs have all resolved to plain values. */
export interface ResolvedStatement {
  effect: "Allow" | "Deny";
  sid?: string;
  actions?: readonly string[];
  notActions?: readonly string[];
  resources?: readonly (string | { value: string })[];
  notResources?: readonly (string | { value: string })[];
  conditions?: { [operator: string]: { [key: string]: unknown } | undefined };
  principals?: ResolvedPrincipals;
  notPrincipals?: ResolvedPrincipals;
}

/** Principals whose Inputs have resolved. */
export interface ResolvedPrincipals {
  aws?: readonly string[];
  service?: readonly string[];
  federated?: readonly string[];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Deduplicated, sorted; one item renders as a scalar, as the AWS console and getPolicyDocument do. */
function canonicalList(values: readonly string[] | undefined): string | string[] | undefined {
  if (values === undefined) return undefined;
  const unique = [...new Set(values)].sort(byCodeUnit);
  return unique.length === 1 ? unique[0] : unique;
}

function resourceValues(resources: ResolvedStatement["resources"]): string[] | undefined {
  return resources?.map((resource) => (typeof resource === "string" ? resource : resource.value));
}

function canonicalPrincipals(principals: ResolvedPrincipals | undefined): PrincipalJson | undefined {
  if (!principals) return undefined;
  if (principals.aws?.length === 1 && principals.aws[0] === "*" && !principals.service && !principals.federated) {
    return "*";
  }
  const result: { [type: string]: string | string[] } = {};
  const entries: [string, readonly string[] | undefined][] = [
    ["AWS", principals.aws],
    ["Federated", principals.federated],
    ["Service", principals.service],
  ];
  for (const [type, values] of entries) {
    const list = canonicalList(values);
    if (list !== undefined) result[type] = list;
  }
  return result;
}

function canonicalConditions(conditions: ResolvedStatement["conditions"]): ConditionJson | undefined {
  if (!conditions) return undefined;
  const result: ConditionJson = {};
  for (const operator of Object.keys(conditions).sort(byCodeUnit)) {
    const block = conditions[operator];
    if (!block) continue;
    const keys: ConditionJson[string] = {};
    for (const key of Object.keys(block).sort(byCodeUnit)) {
      const value = block[key];
      if (value === undefined) continue;
      const values = (Array.isArray(value) ? value : [value]).map(String);
      keys[key] = canonicalList(values)!;
    }
    if (Object.keys(keys).length > 0) result[operator] = keys;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Turns resolved statements into a policy document with canonical key, list and value order. */
export function toPolicyJson(statements: readonly ResolvedStatement[]): PolicyDocumentJson {
  return {
    Version: "2012-10-17",
    Statement: statements.map((statement) => {
      const json = {} as StatementJson;
      const ordered: Partial<StatementJson> = {
        Sid: statement.sid,
        Effect: statement.effect,
        Principal: canonicalPrincipals(statement.principals),
        NotPrincipal: canonicalPrincipals(statement.notPrincipals),
        Action: canonicalList(statement.actions),
        NotAction: canonicalList(statement.notActions),
        Resource: canonicalList(resourceValues(statement.resources)),
        NotResource: canonicalList(resourceValues(statement.notResources)),
        Condition: canonicalConditions(statement.conditions),
      };
      for (const [key, value] of Object.entries(ordered)) {
        if (value !== undefined) (json as unknown as Record<string, unknown>)[key] = value;
      }
      return json;
    }),
  };
}

/** Canonical compact JSON of a document: the exact string sent to AWS and compared across plans. */
export function renderPolicyJson(document: PolicyDocumentJson): string {
  return JSON.stringify(document);
}
