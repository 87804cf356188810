/** The account of an IAM policy ARN: where a permission set naming that policy by path and name is provisioned. */
export function accountOfPolicyArn(arn: string): string {
  const account = /^arn:[\w-]+:iam::(\d{12}):policy\//.exec(arn)?.[1];
  if (account === undefined) throw new Error(`not an IAM policy ARN: ${arn}`);
  return account;
}

/** Where the organization's Identity Center is administered, as the identity stack's config names it. */
export interface IdentityCenterAccounts {
  /** The organization's management account. */
  managementAccount: string;
  /** The member account registered as Identity Center's delegated administrator, when there is one. */
  delegatedAdminAccount?: string;
}

/**
 * What is wrong with running Identity Center's admin APIs from `account` and assigning permission sets into
 * `assignedAccounts`, each problem naming the config key to fix. Identity Center answers its admin APIs only in
 * the management account and in the one delegated administrator account, and a delegated administrator cannot
 * manage permission sets provisioned in the management account.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html
 */
export function identityCenterAccountProblems(account: string, accounts: IdentityCenterAccounts, assignedAccounts: readonly string[]): { key: string; problem: string }[] {
  const { managementAccount, delegatedAdminAccount } = accounts;
  const administrators = [managementAccount, ...(delegatedAdminAccount === undefined ? [] : [delegatedAdminAccount])];
  if (!administrators.includes(account)) {
    return [
      {
        key: "aws:allowedAccountIds",
        problem: `${account} cannot administer Identity Center: run the identity stack in the management account (${managementAccount})${
          delegatedAdminAccount === undefined ? "" : ` or the delegated administrator account (${delegatedAdminAccount})`
        }`,
      },
    ];
  }
  if (delegatedAdminAccount !== undefined && account === delegatedAdminAccount && assignedAccounts.includes(managementAccount)) {
    return [
      {
        key: "identity:teams",
        problem: `a team env is in the management account ${managementAccount}, whose permission sets only the management account can manage: move the env to a member account`,
      },
    ];
  }
  return [];
}
