import { expandActionPattern } from "../internal/service-catalog";
import type { Rule, RuleHit } from "./rule";

/** `svc:*`, or `*` alone: every action of a service, or of every service. */
const serviceWildcard = /^([a-z0-9-]+):\*$/i;

/** What a service's actions can do beyond reading, to say what `svc:*` hands out. */
function describeServiceActions(service: string): string {
  const actions = expandActionPattern(`${service}:*`);
  const powerful = actions.filter((action) => action.accessLevel === "Write" || action.accessLevel === "Permissions management");
  return `all ${actions.length} ${service} actions (${powerful.length} of them Write or Permissions management), and any AWS adds later`;
}

/** The read-only patterns a service has, as the example of what to write instead. */
function readPatterns(service: string): string {
  const patterns = ["Describe*", "List*", "Get*"].map((verb) => `${service}:${verb}`).filter((pattern) => expandActionPattern(pattern).length > 0);
  return patterns.length > 0 ? patterns.join(", ") : `${service}'s read actions`;
}

/** `svc:*` grants every action of a service, today's and tomorrow's: least privilege names what the team does. */
export const wildcardAction: Rule = {
  code: "WILDCARD_ACTION",
  severity: "warning",
  trigger:
    'an Allow whose Action is "*" or a whole service ("sagemaker:*"), or an Allow with NotAction (which allows everything it does not list)',
  // A boundary is a ceiling, not a grant: whole services are how it says which ones a team may use.
  kinds: ["identity", "inline"],
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== "Allow") continue;
      if (statement.notActions) {
        hits.push({
          statement: statement.index,
          action: `NotAction ${statement.notActions.join(", ")}`,
          message: `an Allow with NotAction allows every action of every service except ${statement.notActions.join(", ")}, including actions AWS adds later: list the allowed actions in Action instead`,
        });
        continue;
      }
      for (const action of statement.actions ?? []) {
        if (action === "*") {
          hits.push({
            statement: statement.index,
            action,
            message: '"*" allows every action of every service, administrator access on its resources: list the actions the team needs',
          });
          continue;
        }
        const service = serviceWildcard.exec(action)?.[1];
        if (service === undefined || expandActionPattern(action).length === 0) continue; // UNKNOWN_SERVICE reports it
        hits.push({
          statement: statement.index,
          action,
          message: `${action} allows ${describeServiceActions(service.toLowerCase())}: list the actions the team needs (${readPatterns(service)} to read, the named Create/Update/Delete actions to manage)`,
        });
      }
    }
    return hits;
  },
};
