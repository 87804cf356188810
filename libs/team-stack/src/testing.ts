import * as pulumi from "@pulumi/pulumi";
import { arnBuilders } from "@ml-iam/iam";
import type { TeamStack } from "./stack-config";
import { teamNames } from "./team-names";

/** The account the test stacks live in. */
export const testAccount = "111111111111";

/** A team stack in dev, in {@link testAccount}, for the components under test. */
export function testTeamStack(team = "vision"): TeamStack {
  const scope = { partition: "aws", region: "us-east-1", account: testAccount };
  return { team, env: "dev", scope, arn: arnBuilders(scope), names: teamNames(team, "dev", false), protect: false, repository: "acme/ml-iam" };
}

/**
 * Sets Pulumi's mocks so that every IAM role a test creates is recorded, with the ARN AWS would give it under the
 * team's path; returns the list its inputs land in, in creation order.
 */
export async function recordRoleInputs(team = "vision"): Promise<Record<string, unknown>[]> {
  const roles: Record<string, unknown>[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        if (args.type === "aws:iam/role:Role") roles.push(args.inputs);
        return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:aws:iam::${testAccount}:role/ml/${team}/${args.inputs.name}` } };
      },
      call: (args) => args.inputs,
    },
    team,
    "dev",
    false,
  );
  return roles;
}

/** Waits until a component's output resolves, so that its resources are registered. */
export function settled(output: pulumi.Output<unknown>): Promise<void> {
  return new Promise((resolve) => output.apply(() => resolve()));
}
