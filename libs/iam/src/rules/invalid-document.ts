import type { Rule, RuleHit } from "./rule";

const validVersions = ["2012-10-17", "2008-10-17"];
const statementKeys = [
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
];

/** Structural validity of a policy document. */
export const invalidDocument: Rule = {
  code: "INVALID_DOCUMENT",
  severity: "error",
  trigger:
    "not a policy document: bad Version, no Statement, a statement without a valid Effect, with both or neither Action/NotAction, both Resource/NotResource, unknown keys, or a Principal where the kind forbids or requires one",
  check({ raw, kind }) {
    const hits: RuleHit[] = [];
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      return [{ message: "a policy document must be a JSON object with Version and Statement" }];
    }
    if (raw.Version === undefined) {
      hits.push({ message: 'Version is missing: add "Version": "2012-10-17" (without it, policy variables are not evaluated)' });
    } else if (!validVersions.includes(raw.Version)) {
      // Stringified, not interpolated: a JSON object such as {"toString": 1} has no string form and would throw.
      hits.push({ message: `Version ${JSON.stringify(raw.Version)} is not valid: use "2012-10-17"` });
    }
    if (raw.Statement === undefined) {
      hits.push({ message: "Statement is missing: a document needs at least one statement" });
      return hits;
    }
    const statements = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
    if (statements.length === 0) hits.push({ message: "Statement is empty: a document needs at least one statement" });
    statements.forEach((statement, index) => {
      const at = (message: string) => hits.push({ statement: index, message });
      if (typeof statement !== "object" || statement === null || Array.isArray(statement)) {
        at("a statement must be a JSON object");
        return;
      }
      for (const key of Object.keys(statement)) {
        if (!statementKeys.includes(key)) at(`unknown element "${key}": statements may only have ${statementKeys.join(", ")}`);
      }
      if (statement.Effect !== "Allow" && statement.Effect !== "Deny") {
        at(`Effect must be "Allow" or "Deny", got ${JSON.stringify(statement.Effect)}`);
      }
      const hasAction = statement.Action !== undefined;
      const hasNotAction = statement.NotAction !== undefined;
      if (hasAction === hasNotAction) at("a statement needs exactly one of Action or NotAction");
      if (statement.Resource !== undefined && statement.NotResource !== undefined) {
        at("a statement may have Resource or NotResource, not both");
      }
      const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
      if (kind === "trust") {
        if (!hasPrincipal) at("a trust policy statement needs a Principal: who may assume the role");
      } else {
        if (hasPrincipal) at(`${kind === "boundary" ? "a" : "an"} ${kind} policy cannot name a Principal: the principal is whoever the policy is attached to`);
        if (statement.Resource === undefined && statement.NotResource === undefined) {
          at("an identity-based statement needs Resource or NotResource");
        }
      }
      for (const field of ["Principal", "NotPrincipal"] as const) {
        const value: unknown = statement[field];
        if (value === undefined || value === "*") continue;
        const valid =
          typeof value === "object" && value !== null && !Array.isArray(value) &&
          Object.values(value).every((values) => (Array.isArray(values) ? values : [values]).every((item) => typeof item === "string" && item.length > 0));
        if (!valid) at(`${field} must be "*" or an object whose values are non-empty strings ({"Service": "sagemaker.amazonaws.com"})`);
      }
      for (const field of ["Action", "NotAction", "Resource", "NotResource"] as const) {
        const value = statement[field];
        if (value === undefined) continue;
        const list = Array.isArray(value) ? value : [value];
        if (list.length === 0) at(`${field} is empty`);
        if (list.some((item) => typeof item !== "string" || item.length === 0)) at(`${field} must hold non-empty strings`);
      }
    });
    return hits;
  },
};
