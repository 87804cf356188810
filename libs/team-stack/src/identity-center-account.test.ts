import { accountOfPolicyArn, identityCenterAccountProblems } from "./identity-center-account";

const management = "999999999999";
const delegated = "888888888888";

describe("the account the identity stack runs in", () => {
  it.each([
    ["the management account", management, {}],
    ["the delegated administrator account", delegated, { delegatedAdminAccount: delegated }],
    ["the management account, with a delegated administrator registered", management, { delegatedAdminAccount: delegated }],
  ])("may be %s", (_case, account, extra) => {
    expect(identityCenterAccountProblems(account, { managementAccount: management, ...extra }, ["111111111111"])).toEqual([]);
  });

  it("may not be a workload account, where Identity Center's admin APIs do not answer", () => {
    expect(identityCenterAccountProblems("111111111111", { managementAccount: management, delegatedAdminAccount: delegated }, [])).toEqual([
      {
        key: "aws:allowedAccountIds",
        problem: `111111111111 cannot administer Identity Center: run the identity stack in the management account (${management}) or the delegated administrator account (${delegated})`,
      },
    ]);
  });

  it("may not, as the delegated administrator, assign into the management account", () => {
    expect(identityCenterAccountProblems(delegated, { managementAccount: management, delegatedAdminAccount: delegated }, [management])).toEqual([
      expect.objectContaining({ key: "identity:teams", problem: expect.stringContaining("only the management account can manage") }),
    ]);
  });
});

describe("the account of a team's policy", () => {
  it("is the account in its ARN, where the permission set naming it is assigned", () => {
    expect(accountOfPolicyArn("arn:aws:iam::111111111111:policy/ml/central-ai/central-ai-team-boundary")).toBe("111111111111");
  });

  it("is refused for anything but a customer managed policy's ARN", () => {
    expect(() => accountOfPolicyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")).toThrow("not an IAM policy ARN: arn:aws:iam::aws:policy/ReadOnlyAccess");
  });
});
