import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { peopleAccessShape } from "./people-access";
import { defineStackContract } from "./stack-contract";

/** Outputs of `stacks/distributed-ml`: its access and instance roles, its policy and its group. */
export const distributedMl = defineStackContract(
  "distributed-ml",
  z.object({
    accessRoleArn: arnSchema,
    instanceRoleArn: arnSchema,
    policyArn: arnSchema,
    groupName: z.string(),
    ...peopleAccessShape,
  }),
);

/** The distributed-ml stack's outputs, as plain values. */
export type DistributedMlOutputs = z.infer<typeof distributedMl.schema>;
