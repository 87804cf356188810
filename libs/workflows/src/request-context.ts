import { personTagKey, teamTagKey } from "@ml-iam/iam";
import type { WorkflowContext } from "./workflow";

/** The context of a create request that tags the new resource for the team: `aws:RequestTag/team` and `aws:TagKeys`. */
export function taggedOnCreate(team: string, extraTags: Readonly<Record<string, string>> = {}): WorkflowContext {
  const tags = { [teamTagKey]: team, ...extraTags };
  return {
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    "aws:TagKeys": Object.keys(tags),
  };
}

/** The context of a request on an existing resource tagged for a team: `aws:ResourceTag/team`. */
export function taggedFor(team: string, extraTags: Readonly<Record<string, string>> = {}): WorkflowContext {
  const tags = { [teamTagKey]: team, ...extraTags };
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:ResourceTag/${key}`, value]));
}

/** A person's Studio user profile carries the team's and the person's tags. */
export function studioProfileTags(team: string, person: string): Readonly<Record<string, string>> {
  return { [teamTagKey]: team, [personTagKey]: person };
}

/** `iam:PassRole` of a role to one service. */
export function passedTo(service: string): WorkflowContext {
  return { "iam:PassedToService": service };
}
