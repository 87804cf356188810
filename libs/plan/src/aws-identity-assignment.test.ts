import { assignIdentity, stableSuffix } from "./aws-identity-assignment";

const scope = { partition: "aws", region: "us-east-1", account: "111111111111" };
const instanceArn = "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6";
const permissionSetArn = "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef";

describe("identifiers the plan assigns as AWS would", () => {
  it("gives an IAM role its ARN from account, path and name", () => {
    expect(assignIdentity("aws:iam/role:Role", "access", { name: "team-access", path: "/ml/team/" }, scope)).toMatchObject({
      id: "team-access",
      outputs: { name: "team-access", arn: "arn:aws:iam::111111111111:role/ml/team/team-access" },
    });
  });

  it("gives a login profile only the password encrypted to the user's PGP key and the key's fingerprint, never a password", () => {
    const { id, outputs } = assignIdentity("aws:iam/userLoginProfile:UserLoginProfile", "login-alice", { user: "alice", pgpKey: "keybase:alice", passwordResetRequired: true }, scope);
    expect(id).toBe("alice");
    expect(Object.keys(outputs).sort()).toEqual(["encryptedPassword", "keyFingerprint"]);
  });

  it("gives a permission set an ARN of its instance with a 16-character ps- id, the provider's id beside its instance", () => {
    const { id, outputs } = assignIdentity("aws:ssoadmin/permissionSet:PermissionSet", "permission-set", { name: "team-dev", instanceArn }, scope);
    expect(outputs.arn).toMatch(/^arn:aws:sso:::permissionSet\/ssoins-7223a1b2c3d4e5f6\/ps-[0-9a-f]{16}$/);
    expect(id).toBe(`${outputs.arn},${instanceArn}`);
  });

  it("gives an Identity Store group and membership ids within their identity store", () => {
    const group = assignIdentity("aws:identitystore/group:Group", "group", { identityStoreId: "d-9067a1b2c3", displayName: "team-dev" }, scope);
    expect(group).toEqual({ id: `d-9067a1b2c3/plan-${stableSuffix("team-dev")}`, outputs: { groupId: `plan-${stableSuffix("team-dev")}` } });
    const membership = assignIdentity(
      "aws:identitystore/groupMembership:GroupMembership",
      "member",
      { identityStoreId: "d-9067a1b2c3", groupId: group.outputs.groupId, memberId: "plan-user-1" },
      scope,
    );
    expect(membership.id).toBe(`d-9067a1b2c3/${membership.outputs.membershipId}`);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "aws:ssoadmin/accountAssignment:AccountAssignment",
      { instanceArn, permissionSetArn, principalId: "plan-1", principalType: "GROUP", targetId: "111111111111", targetType: "AWS_ACCOUNT" },
      `plan-1,GROUP,111111111111,AWS_ACCOUNT,${permissionSetArn},${instanceArn}`,
    ],
    [
      "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment",
      { instanceArn, permissionSetArn, customerManagedPolicyReference: { name: "team-access", path: "/ml/team/" } },
      `team-access,/ml/team/,${permissionSetArn},${instanceArn}`,
    ],
    [
      "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment",
      { instanceArn, permissionSetArn, customerManagedPolicyReference: { name: "team-access" } },
      `team-access,/,${permissionSetArn},${instanceArn}`,
    ],
    [
      "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
      { instanceArn, permissionSetArn, managedPolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
      `arn:aws:iam::aws:policy/ReadOnlyAccess,${permissionSetArn},${instanceArn}`,
    ],
    [
      "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment",
      { instanceArn, permissionSetArn, permissionsBoundary: { customerManagedPolicyReference: { name: "boundary", path: "/ml/" } } },
      `${permissionSetArn},${instanceArn}`,
    ],
    ["aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy", { instanceArn, permissionSetArn, inlinePolicy: "{}" }, `${permissionSetArn},${instanceArn}`],
  ])("gives %s the provider's comma-joined id", (type, inputs, expected) => {
    expect(assignIdentity(type, "resource", inputs, scope).id).toBe(expected);
  });

  it("defaults a customer managed policy reference's path to / as IAM does", () => {
    const { outputs } = assignIdentity(
      "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment",
      "attachment",
      { instanceArn, permissionSetArn, customerManagedPolicyReference: { name: "team-access" } },
      scope,
    );
    expect(outputs.customerManagedPolicyReference).toEqual({ name: "team-access", path: "/" });
  });

  it("names an AWS managed policy attached to a permission set", () => {
    const { outputs } = assignIdentity(
      "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
      "attachment",
      { instanceArn, permissionSetArn, managedPolicyArn: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess" },
      scope,
    );
    expect(outputs.managedPolicyName).toBe("ViewOnlyAccess");
  });
});
