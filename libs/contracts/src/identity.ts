import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { defineStackContract } from "./stack-contract";

/** Outputs of `stacks/identity`: where Identity Center is managed, each team's group and its permission sets. */
export const identity = defineStackContract(
  "identity",
  z.object({
    /** The management or delegated administrator account the stack runs in. */
    identityCenterAccount: z.string().regex(/^\d{12}$/, "must be a 12-digit account id"),
    instanceArn: arnSchema,
    /** Each team's Identity Store group id, by team. */
    groupIds: z.record(z.string(), z.string()),
    /** Each team's permission set, by `<team>/<env>`. */
    permissionSetArns: z.record(z.string(), arnSchema),
  }),
);

/** The identity stack's outputs, as plain values. */
export type IdentityOutputs = z.infer<typeof identity.schema>;
