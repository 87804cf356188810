import { actionsNamedBy, serviceExists } from "../internal/service-catalog";
import type { Rule, RuleHit } from "./rule";

/** Every action, or wildcard pattern, must name a real action of a real service. */
export const unknownAction: Rule = {
  code: "UNKNOWN_ACTION",
  severity: "error",
  trigger: "an action, or a wildcard pattern matching no action, that the IAM data does not know",
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      for (const action of [...(statement.actions ?? []), ...(statement.notActions ?? [])]) {
        if (action === "*") continue;
        const [service] = action.split(":");
        if (!action.includes(":") || !service || !serviceExists(service)) continue; // UNKNOWN_SERVICE reports it
        const isPattern = /[*?]/.test(action);
        if (actionsNamedBy(action).length > 0) continue;
        hits.push({
          statement: statement.index,
          action,
          message: isPattern
            ? `${action} matches no ${service} action: check the spelling of the prefix before the wildcard`
            : `${action} is not a ${service} action: check the spelling against the service authorization reference`,
        });
      }
    }
    return hits;
  },
};

/** Every action must belong to a service prefix the IAM data knows. */
export const unknownService: Rule = {
  code: "UNKNOWN_SERVICE",
  severity: "error",
  trigger: "an action whose service prefix (before the colon) the IAM data does not know",
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      for (const action of [...(statement.actions ?? []), ...(statement.notActions ?? [])]) {
        if (action === "*") continue;
        const [service] = action.split(":");
        if (action.includes(":") && service && serviceExists(service)) continue;
        hits.push({
          statement: statement.index,
          action,
          message: action.includes(":")
            ? `unknown service prefix "${service}" in ${action}: use the prefix from the service authorization reference (e.g. s3, sagemaker)`
            : `${action} is not of the form service:Action`,
        });
      }
    }
    return hits;
  },
};
