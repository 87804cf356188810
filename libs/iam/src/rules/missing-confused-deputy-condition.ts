import { asList } from "../policy-json";
import { servicePrincipalsWithoutSourceKeys } from "../trust-policy";
import type { Rule, RuleHit } from "./rule";
import { restrictingConditions } from "./statement-grants";

/** The keys a service puts into the request context for the resource it acts for. */
const sourceKeys = /^aws:(SourceAccount|SourceArn|SourceOrgID|SourceOrgPaths)$/i;

/**
 * A service principal trusted without `aws:SourceAccount`/`aws:SourceArn` can be made to assume the role
 * by anyone's resources: another account's SageMaker job can name this role (the confused deputy).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
export const missingConfusedDeputyCondition: Rule = {
  code: "MISSING_CONFUSED_DEPUTY_CONDITION",
  severity: "warning",
  trigger:
    "a trust statement allowing a service principal (other than those that set no source keys, such as ec2.amazonaws.com) without a StringEquals/ArnLike condition on aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths (IfExists and Null do not count)",
  kinds: ["trust"],
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      if (statement.effect !== "Allow" || typeof statement.principal !== "object") continue;
      const services = Object.entries(statement.principal)
        .filter(([type]) => type.toLowerCase() === "service")
        .flatMap(([, value]) => asList(value))
        .filter((service) => !servicePrincipalsWithoutSourceKeys.includes(service.toLowerCase()));
      if (services.length === 0 || restrictingConditions(statement, sourceKeys).length > 0) continue;
      const ifExists = statement.conditions.find((condition) => sourceKeys.test(condition.key) && /IfExists$/.test(condition.operator));
      const why = ifExists ? `${ifExists.operator} lets requests without ${ifExists.key} through, ` : "";
      for (const service of services) {
        hits.push({
          statement: statement.index,
          action: statement.actions?.join(", ") ?? `NotAction ${statement.notActions?.join(", ")}`,
          message: `${service} is trusted without aws:SourceAccount or aws:SourceArn: ${why}any account's ${service.split(".")[0]} resources could make it assume this role (confused deputy); add "Condition": {"StringEquals": {"aws:SourceAccount": "<account id>"}}, and ArnLike aws:SourceArn for the resources that use the role (serviceTrust() writes both)`,
        });
      }
    }
    return hits;
  },
};
