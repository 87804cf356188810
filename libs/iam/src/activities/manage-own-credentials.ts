import * as pulumi from "@pulumi/pulumi";
import type { KnownAction } from "../generated/actions";
import { policyVariable } from "../policy-variable";
import { allow, deny, type Statement } from "../statement";
import type { ActivityContext } from "./activity-context";

/** Reads a user needs while setting its password or enrolling its device; they name no resource. */
export const accountCredentialReads: readonly KnownAction[] = ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"];

/** What an IAM user does on its own user: change its password (first sign-in), enable, resync and list its MFA devices. */
export const ownUserCredentialActions: readonly KnownAction[] = ["iam:ChangePassword", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"];

/** What an IAM user does on its own virtual MFA device, named for the user: create it. */
export const ownMfaDeviceActions: readonly KnownAction[] = ["iam:CreateVirtualMFADevice"];

/** Every call an IAM user may make before it has signed in with MFA: exactly the self-service ones above. */
export const credentialSelfServiceActions: readonly KnownAction[] = [...accountCredentialReads, ...ownUserCredentialActions, ...ownMfaDeviceActions];

/**
 * The caller's own user and virtual MFA device as ARNs with `${aws:username}`: users of any path (IAM user
 * names are unique in an account whatever the path, and a name holds no `/`, so `user/*\/alice` is alice alone).
 */
export function ownCredentialArns(scope: ActivityContext["scope"]): { users: pulumi.Output<string>[]; mfaDevice: pulumi.Output<string> } {
  const username = policyVariable("aws:username");
  const iam = (resource: string) => pulumi.interpolate`arn:${scope.partition}:iam::${scope.account}:${resource}`;
  return { users: [iam(`user/${username}`), iam(`user/*/${username}`)], mfaDevice: iam(`mfa/${username}`) };
}

/**
 * Lets an IAM user manage its own console password and virtual MFA device, and nothing else until it has
 * signed in with MFA: AWS's documented self-service MFA policy, with `iam:ChangePassword` and
 * `iam:GetAccountPasswordPolicy` among the calls allowed without MFA, as AWS notes is needed for the
 * password reset required at first sign-in.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMUserChangePassword.html
 */
export function manageOwnCredentials(context: ActivityContext): Statement[] {
  const own = ownCredentialArns(context.scope);
  return [
    // The password policy and the account's virtual MFA device list have no resource ARN.
    allow({ sid: "ViewPasswordPolicyAndMfaDevices", actions: accountCredentialReads, resources: ["*"] }),
    allow({ sid: "CreateOwnVirtualMfaDevice", actions: ownMfaDeviceActions, resources: [own.mfaDevice] }),
    allow({ sid: "ManageOwnPasswordAndMfa", actions: ownUserCredentialActions, resources: own.users }),
    // BoolIfExists: requests signed with long-term keys carry no aws:MultiFactorAuthPresent at all.
    deny({
      sid: "DenyAllExceptEnrolmentWithoutMfa",
      notActions: credentialSelfServiceActions,
      resources: ["*"],
      conditions: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    }),
  ];
}
