import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocumentJson, StatementJson } from "./policy-json";
import { toPolicyJson, type ResolvedStatement } from "./render-policy";
import type { Statement } from "./statement";

/** The value of an Output, for assertions; needs {@link setUpPulumiMocks} first. */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  // Output's own promise rejects when an apply throws, so a failing policy fails the test at once.
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/** Pulumi mocks under which Outputs resolve to their values without an engine; call in `beforeAll`. */
export function setUpPulumiMocks(): Promise<void> {
  return pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: (args) => args.inputs,
    },
    "ml-iam-platform",
    "test",
    false,
  );
}

/** Statements rendered as the policy JSON AWS would receive, for assertions on exact documents. */
export async function renderStatements(statements: readonly Statement[]): Promise<PolicyDocumentJson & { Statement: StatementJson[] }> {
  const resolved = (await resolve(pulumi.output(statements as Statement[]))) as unknown as ResolvedStatement[];
  return toPolicyJson(resolved) as PolicyDocumentJson & { Statement: StatementJson[] };
}
