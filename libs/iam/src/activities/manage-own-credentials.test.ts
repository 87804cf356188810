import type { StatementJson } from "../policy-json";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { credentialSelfServiceActions, manageOwnCredentials } from "./manage-own-credentials";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const context = { scope, team: "central-ai" };
const ownUsers = ["arn:aws:iam::111122223333:user/${aws:username}", "arn:aws:iam::111122223333:user/*/${aws:username}"];

async function render(): Promise<StatementJson[]> {
  return (await renderStatements(manageOwnCredentials(context))).Statement;
}

describe("manageOwnCredentials", () => {
  it.each([
    ["the password policy and the virtual MFA device list, which name no resource", "ViewPasswordPolicyAndMfaDevices", ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"], "*"],
    ["a virtual MFA device named for the caller alone", "CreateOwnVirtualMfaDevice", "iam:CreateVirtualMFADevice", "arn:aws:iam::111122223333:mfa/${aws:username}"],
    ["the caller's own password and MFA devices, at any path", "ManageOwnPasswordAndMfa", ["iam:ChangePassword", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"], ownUsers],
  ])("allows %s", async (_what, sid, action, resource) => {
    expect((await render()).find((statement) => statement.Sid === sid)).toEqual({ Sid: sid, Effect: "Allow", Action: action, Resource: resource });
  });

  it("denies every other call until the user signs in with MFA, and when keys carry no MFA key at all", async () => {
    const denial = (await render()).find((statement) => statement.Effect === "Deny");
    expect(denial).toEqual({
      Sid: "DenyAllExceptEnrolmentWithoutMfa",
      Effect: "Deny",
      NotAction: [...credentialSelfServiceActions].sort(),
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    });
  });

  it("lets the password be reset at first sign-in, before any MFA device exists", () => {
    expect(credentialSelfServiceActions).toEqual(expect.arrayContaining(["iam:ChangePassword", "iam:GetAccountPasswordPolicy"]));
  });

  it("grants nothing that removes or replaces an MFA device, nor any other credential", async () => {
    const granted = (await render()).filter((statement) => statement.Effect === "Allow").flatMap((statement) => ([] as string[]).concat(statement.Action ?? []));
    expect(granted.filter((action) => /Deactivate|Delete|AccessKey|LoginProfile|SSHPublicKey|SigningCertificate|ServiceSpecificCredential/.test(action))).toEqual([]);
  });

  it("passes every policy rule", async () => {
    expect(validatePolicy(await renderStatements(manageOwnCredentials(context)), { kind: "identity" })).toEqual([]);
  });

  it("builds its ARNs in the scope's partition and account", async () => {
    const gov = { scope: { partition: "aws-us-gov", region: "us-gov-west-1", account: "444455556666" }, team: "central-ai" };
    const statements = (await renderStatements(manageOwnCredentials(gov))).Statement;
    expect(statements.find((statement) => statement.Sid === "CreateOwnVirtualMfaDevice")?.Resource).toBe("arn:aws-us-gov:iam::444455556666:mfa/${aws:username}");
  });
});
