import * as pulumi from "@pulumi/pulumi";

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
