import type * as pulumi from "@pulumi/pulumi";
import { assignIdentity, stableSuffix, type PlanScope } from "./aws-identity-assignment";
import type { PlannedResource } from "./plan-file";

type Mocks = pulumi.runtime.Mocks;
type MockResourceArgs = pulumi.runtime.MockResourceArgs;
type MockCallArgs = pulumi.runtime.MockCallArgs;

/** A resource the program registered, before URNs are known. */
export type RecordedResource = Omit<PlannedResource, "urn" | "parent">;

/** A data-source call and the plan value it was given. */
export interface RecordedPlanValue {
  token: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
}

/** The StackReference type token; its outputs come from the upstream stack's plan. */
export const stackReferenceType = "pulumi:pulumi:StackReference";

/**
 * Pulumi mocks that record every resource with its inputs, answer with the identifiers AWS would assign,
 * resolve StackReferences from upstream plans, and give data sources deterministic plan values.
 */
export class RecordingMocks implements Mocks {
  readonly resources: RecordedResource[] = [];
  readonly planValues: RecordedPlanValue[] = [];

  constructor(
    private readonly scope: PlanScope,
    private readonly upstreamOutputs: (stackName: string) => Record<string, unknown>,
  ) {}

  newResource(args: MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
    const inputs = (args.inputs ?? {}) as Record<string, unknown>;
    if (args.type === stackReferenceType) {
      const stackName = String(inputs.name ?? args.id);
      return { id: stackName, state: { name: stackName, outputs: this.upstreamOutputs(stackName), secretOutputNames: [] } };
    }
    const custom = args.custom ?? false;
    const { id, outputs } = custom ? assignIdentity(args.type, args.name, inputs, this.scope) : { id: undefined, outputs: {} };
    const state = { ...inputs, ...outputs };
    this.resources.push({ type: args.type, name: args.name, custom, id, inputs, outputs: state });
    return { id, state };
  }

  call(args: MockCallArgs): Record<string, unknown> {
    const inputs = (args.inputs ?? {}) as Record<string, unknown>;
    const result = this.planValueFor(args.token, inputs);
    this.planValues.push({ token: args.token, args: inputs, result });
    return result;
  }

  private planValueFor(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const { partition, region, account } = this.scope;
    switch (token) {
      case "aws:index/getCallerIdentity:getCallerIdentity":
        return { accountId: account, arn: `arn:${partition}:iam::${account}:user/plan`, userId: "PLAN", id: account };
      case "aws:index/getPartition:getPartition":
        return { partition, dnsSuffix: partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", id: partition };
      case "aws:index/getRegion:getRegion":
        return { name: region, region, id: region };
      case "aws:identitystore/getUser:getUser": {
        const unique = (inputs.alternateIdentifier as { uniqueAttribute?: { attributeValue?: string } } | undefined)
          ?.uniqueAttribute?.attributeValue;
        const userName = String(unique ?? inputs.userId ?? "unknown");
        return { identityStoreId: inputs.identityStoreId, userId: `plan-user-${stableSuffix(userName)}`, userName, id: userName };
      }
      default:
        throw new Error(`the offline plan has no value for data source ${token}: add one to RecordingMocks`);
    }
  }
}
