import { z } from "zod";
import { arnSchema } from "./arn-schema";
import { peopleAccessShape } from "./people-access";
import { defineStackContract } from "./stack-contract";

/**
 * Outputs of `stacks/central-ai`: the boundary, the shared policies, the datasets, the central group, and
 * the delivery of every team stack in this env: the GitHub OIDC provider and, by team stack, the role its
 * deploy job assumes (`DEPLOY_ROLE_ARN` of the GitHub environment `<stack>-<env>`) and its read-only preview
 * role (`PREVIEW_ROLE_ARN_<STACK>_<ENV>`).
 */
export const centralAi = defineStackContract(
  "central-ai",
  z.object({
    permissionsBoundaryArn: arnSchema,
    datasetsReadPolicyArn: arnSchema,
    sagemakerReadOnlyPolicyArn: arnSchema,
    sagemakerFullAccessPolicyArn: arnSchema,
    datasetBucketArns: z.array(arnSchema),
    /** The KMS keys the shared datasets are SSE-KMS encrypted with; empty when they are not. */
    datasetKmsKeyArns: z.array(arnSchema),
    groupName: z.string(),
    userNames: z.array(z.string()),
    accessRoleArn: arnSchema,
    /** The central team's people policies (its access role's), for the identity stack's permission sets. */
    peoplePolicyArns: peopleAccessShape.peoplePolicyArns,
    jobRoleArn: arnSchema,
    githubOidcProviderArn: arnSchema,
    deployRoleArns: z.record(z.string(), arnSchema),
    previewRoleArns: z.record(z.string(), arnSchema),
  }),
);

/** The central AI stack's outputs, as plain values. */
export type CentralAiOutputs = z.infer<typeof centralAi.schema>;
