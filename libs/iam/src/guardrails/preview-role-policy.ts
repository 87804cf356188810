import { allow } from "../statement";
import type { DeliveryRolePolicy } from "./deploy-role-policy";
import { ownIamResources, stateStatements, studioProfileStatements, type DeliveryRoleScope } from "./delivery-role-scope";

/** Arguments of {@link teamPreviewRolePolicy}: whose stack it previews, where its state is. */
export type TeamPreviewRolePolicyArgs = DeliveryRoleScope;

/**
 * The preview role of a team stack (`pulumi preview --refresh` on pull requests and in the drift check):
 * it reads what the stack manages (IAM under `/ml/<team>/`, for the central team also the delivery roles
 * and the OIDC provider) and its state, and writes nothing.
 */
export function teamPreviewRolePolicy(args: TeamPreviewRolePolicyArgs): DeliveryRolePolicy[] {
  return [
    {
      name: "read",
      statements: [
        allow({ sid: "ReadOwnIam", actions: ["iam:Get*", "iam:List*"], resources: ownIamResources(args) }),
        ...stateStatements(args, "read-only"),
        ...studioProfileStatements(args, "read-only"),
      ],
    },
  ];
}
