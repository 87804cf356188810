import type { Policy } from "@pulumi/aws/iam";
import type { PersonaPolicy } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";
import { teamManagedPolicy } from "./team-managed-policy";

/** Arguments of {@link teamPersonaPolicies}. */
export interface TeamPersonaPoliciesArgs {
  stack: TeamStack;
  /** A persona's policies for one role (`persona.access`, `persona.job`, ...). */
  policies: readonly PersonaPolicy[];
  /** Joins each policy's purpose: `<prefix>-<policy name>`; the policy name alone when omitted. */
  purposePrefix?: string;
  describe(policyName: string): string;
}

/** One managed policy of the team per persona policy, keyed by the persona policy's name. */
export function teamPersonaPolicies(args: TeamPersonaPoliciesArgs): Map<string, Policy> {
  return new Map(
    args.policies.map((policy) => [
      policy.name,
      teamManagedPolicy({
        stack: args.stack,
        purpose: args.purposePrefix ? `${args.purposePrefix}-${policy.name}` : policy.name,
        description: args.describe(policy.name),
        statements: policy.statements,
      }),
    ]),
  );
}

/** The ARNs of a set of policies, keyed like the set, ready to attach to a role. */
export function policyArns(policies: ReadonlyMap<string, Policy>): Record<string, Policy["arn"]> {
  return Object.fromEntries([...policies].map(([name, policy]) => [name, policy.arn]));
}
