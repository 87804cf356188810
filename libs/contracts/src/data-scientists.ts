import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { peopleAccessShape } from "./people-access";
import { defineStackContract } from "./stack-contract";

/** Outputs of `stacks/data-scientists`: its access, Studio and job roles, its policy and its group. */
export const dataScientists = defineStackContract(
  "data-scientists",
  z.object({
    accessRoleArn: arnSchema,
    studioRoleArn: arnSchema,
    jobRoleArn: arnSchema,
    policyArn: arnSchema,
    groupName: z.string(),
    ...peopleAccessShape,
  }),
);

/** The data-scientists stack's outputs, as plain values. */
export type DataScientistsOutputs = z.infer<typeof dataScientists.schema>;
