import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { centralAi } from "./central-ai";
import { clearRecordedReferences, defineStackContract, recordedStackReferences } from "./stack-contract";

const references: string[] = [];
const resourceNames: string[] = [];
beforeAll(() =>
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        references.push(String(args.inputs.name));
        resourceNames.push(args.name);
        return { id: String(args.inputs.name), state: { ...args.inputs, outputs: { roleArn: "arn:aws:iam::111111111111:role/x", names: [] } } };
      },
      call: () => ({}),
    },
    "consumer",
    "staging",
    true,
    "acme",
  ),
);

const example = defineStackContract("example", z.object({ roleArn: z.string(), names: z.array(z.string()) }));

describe("a stack contract", () => {
  it("lists its keys from the schema", () => {
    expect(example.keys).toEqual(["roleArn", "names"]);
    expect(centralAi.keys).toContain("permissionsBoundaryArn");
  });

  it("references the producer in the same organization and env by default", () => {
    clearRecordedReferences();
    const reference = example.reference();
    expect(reference.stackName).toBe("acme/example/staging");
  });

  it("references each env of a producer by name, one StackReference resource per env", async () => {
    clearRecordedReferences();
    resourceNames.length = 0;
    expect([example.reference({ env: "dev" }).stackName, example.reference({ env: "prod" }).stackName]).toEqual(["acme/example/dev", "acme/example/prod"]);
    expect(recordedStackReferences().map((reference) => reference.stack)).toEqual(["acme/example/dev", "acme/example/prod"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(resourceNames).toEqual(["example-dev-outputs", "example-prod-outputs"]);
  });

  it("records which outputs a consumer reads, for the plan", async () => {
    clearRecordedReferences();
    const reference = example.reference({ stack: "acme/example/prod" });
    const value = await (reference.roleArn as unknown as { promise(): Promise<string> }).promise();
    expect(value).toBe("arn:aws:iam::111111111111:role/x");
    expect(recordedStackReferences()).toEqual([{ project: "example", stack: "acme/example/prod", keys: ["roleArn"] }]);
  });

  it("type-checks producers and consumers against the contract", () => {
    // @ts-expect-error a producer must export every key
    example.outputs({ roleArn: "x" });
    // @ts-expect-error a producer cannot export a key the contract lacks
    example.outputs({ roleArn: "x", names: [], extra: 1 });
    // @ts-expect-error a value of the wrong type does not compile
    example.outputs({ roleArn: 1, names: [] });
    const reference = example.reference();
    const names: pulumi.Output<string[]> = reference.names;
    // @ts-expect-error a consumer cannot read a key the producer does not export
    void reference.rolArn;
    expect(names).toBeDefined();
  });
});
