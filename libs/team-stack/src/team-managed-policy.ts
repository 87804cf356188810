import * as pulumi from "@pulumi/pulumi";
import { Policy } from "@pulumi/aws/iam";
import { policyDocument, type PolicyKind, type Statement } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";

/** Arguments of {@link teamManagedPolicy}. */
export interface TeamManagedPolicyArgs {
  stack: TeamStack;
  /** What the policy is for; names it `<team>-<purpose>` under the team's path. */
  purpose: string;
  description: string;
  statements: readonly Statement[];
  kind?: Extract<PolicyKind, "identity" | "boundary">;
  /** Protected in prod: policies other stacks attach must not disappear by accident. */
  shared?: boolean;
}

/** A customer managed policy of the team, validated by the rule registry before it can deploy. */
export function teamManagedPolicy(args: TeamManagedPolicyArgs, opts: pulumi.CustomResourceOptions = {}): Policy {
  const { stack, purpose } = args;
  const name = stack.names.resourceName(purpose);
  return new Policy(
    purpose,
    {
      name,
      path: stack.names.path,
      description: args.description,
      policy: policyDocument(args.statements, { kind: args.kind ?? "identity", name: `${stack.team}/${purpose}` }),
    },
    { deleteBeforeReplace: true, protect: args.shared === true && stack.protect, ...opts },
  );
}
