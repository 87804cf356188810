import { coversEveryRole } from "./resource-names";
import type { Rule, RuleHit } from "./rule";
import { describeGrant, grantOf, restrictingConditions } from "./statement-grants";

const passRole = "iam:PassRole";
const fix =
  'allow it only on the roles the team\'s jobs run as, by exact ARN ("arn:aws:iam::<account>:role/<path>/<name>"), with "StringEquals": {"iam:PassedToService": "<service>"}';

/**
 * PassRole on every role lets a principal hand any role, an administrator's included, to a service that
 * runs its code. `iam:PassedToService` only limits which service receives the role, not which role.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export const passRoleUnrestricted: Rule = {
  code: "PASS_ROLE_UNRESTRICTED",
  severity: "error",
  trigger:
    'an Allow of iam:PassRole (itself, through iam:*, "*" or a NotAction) on every role: Resource "*" or role/*, or a NotResource that leaves roles in; iam:PassedToService does not make it acceptable',
  // A boundary is a ceiling, not a grant: iam:* on "*" there passes nothing by itself.
  kinds: ["identity", "inline"],
  check({ policy }) {
    const hits: RuleHit[] = [];
    for (const statement of policy.statements) {
      const grant = grantOf(statement, passRole);
      if (grant === undefined) continue;
      const services = restrictingConditions(statement, /^iam:PassedToService$/i).flatMap((condition) => condition.values);
      const toServices = services.length > 0 ? ` (iam:PassedToService ${services.join(", ")} limits where roles go, not which roles)` : "";
      const broad = statement.resources
        ? statement.resources.filter(coversEveryRole)
        : statement.notResources && !statement.notResources.some(coversEveryRole)
          ? [`NotResource ${statement.notResources.join(", ")}`]
          : [];
      for (const resource of broad) {
        hits.push({
          statement: statement.index,
          action: passRole,
          resource,
          message: `${describeGrant(passRole, grant)} is allowed on every role${resource.startsWith("NotResource") ? " the NotResource does not list" : ""}${toServices}: any role, administrator roles included, can be handed to a service that runs the principal's code; ${fix}`,
        });
      }
    }
    return hits;
  },
};
