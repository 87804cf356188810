import { expandActionPattern } from "../internal/service-catalog";
import type { StatementJson } from "../policy-json";
import { renderStatements, setUpPulumiMocks } from "../testing";
import { validatePolicy } from "../validate-policy";
import { teamPermissionsBoundary, type TeamPermissionsBoundaryArgs } from "./team-permissions-boundary";

beforeAll(() => setUpPulumiMocks());

const scope = { partition: "aws", region: "us-east-1", account: "111122223333" };
const boundaryArn = "arn:aws:iam::111122223333:policy/ml/central-ai/central-ai-team-boundary";
const args: TeamPermissionsBoundaryArgs = { scope, boundaryArn, sharedPolicyArns: ["arn:aws:iam::111122223333:policy/ml/central-ai/central-ai-datasets-read"] };

async function render(): Promise<StatementJson[]> {
  return (await renderStatements(teamPermissionsBoundary(args))).Statement;
}

const actionsOf = (statement: StatementJson | undefined) => ([] as string[]).concat(statement?.Action ?? []);

describe("teamPermissionsBoundary", () => {
  it("lets people reach training nodes through Session Manager, and the nodes register and open session channels", async () => {
    const patterns = actionsOf((await render()).find((s) => s.Sid === "MlServices"));
    // As IAM reads the patterns: every action of the service catalog each one matches.
    const services = patterns.flatMap((pattern) => (pattern.endsWith(":*") ? [pattern] : expandActionPattern(pattern).map((action) => action.key)));
    expect(services).toEqual(
      expect.arrayContaining([
        "ssm:StartSession",
        "ssm:ResumeSession",
        "ssm:TerminateSession",
        "ssm:DescribeSessions",
        "ssm:DescribeInstanceInformation",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:*",
      ]),
    );
    // Session Manager only: no run-command, parameters or documents beyond what sessions need.
    expect(services.filter((action) => action.startsWith("ssm:") && !/Session|InstanceInformation/.test(action))).toEqual([]);
  });

  it("keeps the boundary on new principals and out of reach of edits", async () => {
    const statements = await render();
    const removal = actionsOf(statements.find((s) => s.Sid === "NoBoundaryRemoval")).flatMap((pattern) => expandActionPattern(pattern).map((action) => action.key));
    expect(removal.sort()).toEqual(["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary", "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary"]);
    expect(statements.find((s) => s.Sid === "NewPrincipalsCarryTheBoundary")).toMatchObject({
      Effect: "Deny",
      Action: ["iam:CreateRole", "iam:CreateUser"],
      Condition: { StringNotEquals: { "iam:PermissionsBoundary": boundaryArn } },
    });
    // The shared policies as well: a bounded role of the central team rolls none back to an older, broader version.
    expect(statements.find((s) => s.Sid === "NoBoundaryEdits")).toMatchObject({ Effect: "Deny", Resource: [...args.sharedPolicyArns, boundaryArn].sort() });
  });

  it("leaves an IAM user's own virtual MFA device out of the team-path write deny, and no other device", async () => {
    const writes = (await render()).find((s) => s.Sid === "IamWritesOnlyUnderTheTeamPath");
    expect(writes?.NotResource).toContain("arn:aws:iam::111122223333:mfa/${aws:username}");
    expect(([] as string[]).concat(writes?.NotResource ?? []).filter((arn) => arn.includes(":mfa/"))).toEqual(["arn:aws:iam::111122223333:mfa/${aws:username}"]);
  });

  it("allows the password and MFA self-service calls only on the caller's own user and device", async () => {
    expect((await render()).find((s) => s.Sid === "CredentialSelfServiceOnlyOnOwnUser")).toEqual({
      Sid: "CredentialSelfServiceOnlyOnOwnUser",
      Effect: "Deny",
      Action: ["iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice"],
      NotResource: [
        "arn:aws:iam::111122223333:mfa/${aws:username}",
        "arn:aws:iam::111122223333:user/${aws:username}",
        "arn:aws:iam::111122223333:user/*/${aws:username}",
      ],
    });
  });

  it("lets no principal deactivate, delete or retag an MFA device, its own included", async () => {
    expect((await render()).find((s) => s.Sid === "NoMfaDeviceRemoval")).toEqual({
      Sid: "NoMfaDeviceRemoval",
      Effect: "Deny",
      Action: ["iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice", "iam:TagMFADevice", "iam:UntagMFADevice"],
      Resource: "*",
    });
  });

  it("passes every rule for a boundary, where broad resources are the point", async () => {
    expect(validatePolicy(await renderStatements(teamPermissionsBoundary(args)), { kind: "boundary" })).toEqual([]);
  });
});
