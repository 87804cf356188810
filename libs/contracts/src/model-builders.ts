import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { peopleAccessShape } from "./people-access";
import { defineStackContract } from "./stack-contract";

/** Outputs of `stacks/model-builders`: its roles, its policy, and what its people hold, for the identity stack. */
export const modelBuilders = defineStackContract(
  "model-builders",
  z.object({
    accessRoleArn: arnSchema,
    jobRoleArn: arnSchema,
    pipelineRoleArn: arnSchema,
    policyArn: arnSchema,
    groupName: z.string(),
    ...peopleAccessShape,
  }),
);

/** The model-builders stack's outputs, as plain values. */
export type ModelBuildersOutputs = z.infer<typeof modelBuilders.schema>;
