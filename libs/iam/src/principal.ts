import type * as pulumi from "@pulumi/pulumi";

/** Who a trust or resource policy applies to. */
export interface Principals {
  aws?: readonly pulumi.Input<string>[];
  service?: readonly pulumi.Input<string>[];
  federated?: readonly pulumi.Input<string>[];
}
