import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { defineStackContract, type StackContract } from "./stack-contract";

/**
 * What every team stack exports for the identity stack: the managed policies its people hold (its access role's,
 * which the identity stack's permission sets attach by path and name) and the boundary around them.
 */
export const peopleAccessShape = {
  /** The team's people policies in the env's account, exactly its access role's managed policies. */
  peoplePolicyArns: z.array(arnSchema).min(1, "lists no policy: the team's people would hold nothing"),
  /** The central boundary in the env's account, around every principal of the team. */
  permissionsBoundaryArn: arnSchema,
};

/** The people-access outputs of a team stack. */
export type PeopleAccessOutputs = z.infer<z.ZodObject<typeof peopleAccessShape>>;

/** The people-access part of any team stack's contract, for a consumer that serves every team alike. */
export function peopleAccessOf(project: string): StackContract<PeopleAccessOutputs> {
  return defineStackContract(project, z.object(peopleAccessShape));
}
