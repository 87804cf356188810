import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { defineStackContract } from "./stack-contract";

/** Outputs of `stacks/central-ai`: the boundary, the shared policies, the datasets and the central group. */
export const centralAi = defineStackContract(
  "central-ai",
  z.object({
    permissionsBoundaryArn: arnSchema,
    datasetsReadPolicyArn: arnSchema,
    sagemakerReadOnlyPolicyArn: arnSchema,
    sagemakerFullAccessPolicyArn: arnSchema,
    datasetBucketArns: z.array(arnSchema),
    groupName: z.string(),
    userNames: z.array(z.string()),
    accessRoleArn: arnSchema,
  }),
);

/** The central AI stack's outputs, as plain values. */
export type CentralAiOutputs = z.infer<typeof centralAi.schema>;
