import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { defineStackContract } from "./stack-contract";

/** Outputs of `stacks/model-builders`: its roles, its policy, and what its people hold, for the identity stack. */
export const modelBuilders = defineStackContract(
  "model-builders",
  z.object({
    accessRoleArn: arnSchema,
    jobRoleArn: arnSchema,
    pipelineRoleArn: arnSchema,
    policyArn: arnSchema,
    /** The managed policies of the team's people, which the identity stack attaches to its permission set by name. */
    peoplePolicyArns: z.array(arnSchema).min(1),
    /** The boundary every principal of the team carries, in the team's account. */
    permissionsBoundaryArn: arnSchema,
  }),
);

/** The model-builders stack's outputs, as plain values. */
export type ModelBuildersOutputs = z.infer<typeof modelBuilders.schema>;
