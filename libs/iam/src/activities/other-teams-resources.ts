import type * as pulumi from "@pulumi/pulumi";
import { policyVariable } from "../policy-variable";
import type { ActionPattern } from "../action-pattern";
import { deny, type Statement } from "../statement";
import { teamTagKey } from "../team-conventions";

/**
 * Denies the given actions on every resource tagged for a team other than the caller's own
 * (`aws:ResourceTag/team` ≠ `${aws:PrincipalTag/team}`): how a policy shared by every team, with its broad
 * `Describe*` or `*`, still keeps each team out of the others' jobs, endpoints and Studio profiles.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html
 */
export function denyOtherTeamsResources(sid: string, actions: readonly ActionPattern[], resources: readonly pulumi.Input<string>[] = ["*"]): Statement {
  return deny({
    sid,
    actions,
    resources,
    conditions: {
      StringNotEquals: { [`aws:ResourceTag/${teamTagKey}`]: policyVariable(`aws:PrincipalTag/${teamTagKey}`) },
      Null: { [`aws:ResourceTag/${teamTagKey}`]: "false" },
    },
  });
}
