import { actionsNamedBy } from "../internal/service-catalog";
import type { Rule, RuleHit } from "./rule";

/** Allowing on `*` an action that could be scoped to resources grants it on every resource in the account. */
export const wildcardResource: Rule = {
  code: "WILDCARD_RESOURCE",
  severity: "warning",
  trigger: 'an Allow on Resource "*" of an action that requires a resource type (reported per action); actions whose only resource type is optional (ListModelPackages, PutMetricData) also take "*"',
  // A boundary is a ceiling, not a grant: broad resources there are the point.
  kinds: ["identity", "inline"],
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== "Allow" || !statement.resources?.includes("*") || !statement.actions) continue;
      for (const action of statement.actions) {
        if (action === "*") continue;
        const candidates = actionsNamedBy(action);
        // A lone optional resource type is one the request may not name at all: "*" is then the only grant.
        // Several optional types are alternatives (an S3 object directly or through an access point), one of
        // which every request names, so s3:GetObject on "*" is still every object.
        const scopable = candidates.filter(
          (candidate) => candidate.resourceTypes.some((type) => type.required) || candidate.resourceTypes.length > 1,
        );
        if (scopable.length === 0) continue;
        const types = [...new Set(scopable.flatMap((c) => c.resourceTypes.map((t) => t.name)))];
        hits.push({
          statement: statement.index,
          action,
          resource: "*",
          message: `${action} supports resource-level permissions (${types.slice(0, 5).join(", ")}${types.length > 5 ? ", …" : ""}) but is allowed on "*": name the team's resources`,
        });
      }
    }
    return hits;
  },
};
