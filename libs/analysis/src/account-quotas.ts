import { defaultQuotas } from "@ml-iam/iam";
import type { PlanFile, PlannedResource } from "@ml-iam/plan";

/**
 * IAM quotas that count across the stacks sharing an account (defaults of a new account; each can be
 * raised through Service Quotas). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export interface AccountQuotas {
  usersPerAccount: number;
  groupsPerAccount: number;
  rolesPerAccount: number;
  customerManagedPoliciesPerAccount: number;
  instanceProfilesPerAccount: number;
  managedPoliciesPerRole: number;
}

/**
 * The defaults: per account 5,000 users, 300 groups, 1,000 roles, 1,500 customer managed policies and 1,000
 * instance profiles; 10 managed policies per role.
 */
export const defaultAccountQuotas: AccountQuotas = {
  usersPerAccount: 5000,
  groupsPerAccount: 300,
  rolesPerAccount: 1000,
  customerManagedPoliciesPerAccount: 1500,
  instanceProfilesPerAccount: 1000,
  managedPoliciesPerRole: defaultQuotas.managedPoliciesPerRole,
};

/** Which quota a use counts against. */
export type AccountQuotaName =
  | "roles-per-account"
  | "customer-managed-policies-per-account"
  | "users-per-account"
  | "groups-per-account"
  | "instance-profiles-per-account"
  | "managed-policies-per-role";

/** What each account holds outside the repository, by kind. */
export interface ExistingIamResources {
  users?: number;
  groups?: number;
  roles?: number;
  customerManagedPolicies?: number;
  instanceProfiles?: number;
}

/** A per-account quota: the resources that count against it, its limit and its count outside the repository. */
interface AccountWideQuota {
  quota: Exclude<AccountQuotaName, "managed-policies-per-role">;
  type: string;
  limit: keyof AccountQuotas;
  existing: keyof ExistingIamResources;
  label: string;
}

// In the order `ml-iam quotas` prints them; each kind of resource counts against exactly one quota.
const accountWideQuotas: readonly AccountWideQuota[] = [
  { quota: "roles-per-account", type: "aws:iam/role:Role", limit: "rolesPerAccount", existing: "roles", label: "IAM roles" },
  {
    quota: "customer-managed-policies-per-account",
    type: "aws:iam/policy:Policy",
    limit: "customerManagedPoliciesPerAccount",
    existing: "customerManagedPolicies",
    label: "customer managed policies",
  },
  { quota: "users-per-account", type: "aws:iam/user:User", limit: "usersPerAccount", existing: "users", label: "IAM users" },
  { quota: "groups-per-account", type: "aws:iam/group:Group", limit: "groupsPerAccount", existing: "groups", label: "IAM groups" },
  {
    quota: "instance-profiles-per-account",
    type: "aws:iam/instanceProfile:InstanceProfile",
    limit: "instanceProfilesPerAccount",
    existing: "instanceProfiles",
    label: "instance profiles",
  },
];

/** How much of one quota the plans use, and which stacks use it. */
export interface QuotaUse {
  quota: AccountQuotaName;
  account: string;
  /** For managed-policies-per-role: the role and the stack that creates it. */
  role?: { name: string; stack: string };
  used: number;
  limit: number;
  /** Per stack (for the account quotas, `outside the repository` for what already exists), most first. */
  byStack: { stack: string; count: number }[];
}

/** A quota the plans use beyond the warning threshold (a warning) or beyond the quota itself (an error). */
export interface QuotaFinding extends QuotaUse {
  severity: "warning" | "error";
  message: string;
}

/** What to count besides the plans, and when to warn. */
export interface AccountQuotaOptions {
  quotas?: AccountQuotas;
  /** The share of a quota from which to warn; 0.8 by default. */
  warnAt?: number;
  /** Users, groups, roles, customer managed policies and instance profiles each account already holds outside the repository. */
  existing?: Record<string, ExistingIamResources>;
}

/** Per account, the quota uses of the repository's plans, and the findings over the threshold. */
export interface AccountQuotaReport {
  uses: QuotaUse[];
  findings: QuotaFinding[];
}

const outside = "outside the repository";

function resourcesOf(plan: PlanFile, type: string): PlannedResource[] {
  return plan.steps.map((step) => step.newState).filter((resource) => resource.type === type);
}

function tally(counts: Map<string, number>, extra: number): QuotaUse["byStack"] {
  const byStack = [...counts].map(([stack, count]) => ({ stack, count }));
  if (extra > 0) byStack.push({ stack: outside, count: extra });
  return byStack.filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count || (a.stack < b.stack ? -1 : 1));
}

const percent = (used: number, limit: number) => `${Math.round((used / limit) * 100)} %`;
const share = (byStack: QuotaUse["byStack"]) => byStack.map((entry) => `${entry.stack} ${entry.count}`).join(", ");

const labels: Record<AccountQuotaName, string> = {
  ...(Object.fromEntries(accountWideQuotas.map((quota) => [quota.quota, quota.label])) as Record<AccountWideQuota["quota"], string>),
  "managed-policies-per-role": "managed policies",
};

function findingOf(use: QuotaUse, warnAt: number): QuotaFinding | undefined {
  if (use.used < use.limit * warnAt) return undefined;
  const over = use.used > use.limit;
  const where = use.role ? `role ${use.role.name} (${use.role.stack}) in account ${use.account}` : `account ${use.account}`;
  const fix = use.role
    ? "merge some of its policies (each is one attachment) or request a higher quota before attaching more"
    : `request a higher quota through Service Quotas before ${over ? "deploying" : "a team adds more"}`;
  const message =
    `${where} ${over ? "would exceed" : "nears"} its quota of ${use.limit} ${labels[use.quota]}: ` +
    `${use.used} (${percent(use.used, use.limit)})${use.role ? "" : `: ${share(use.byStack)}`}; ${fix}`;
  return { ...use, severity: over ? "error" : "warning", message };
}

/**
 * How many users, groups, roles, customer managed policies, instance profiles and managed-policy attachments
 * per role the plans (of any envs) create in each account, against the account's quotas, with a warning for each quota used from
 * `warnAt` (80 % by default) and an error past it. Plans of envs that share an account count together.
 */
export function accountQuotaUsage(plans: readonly PlanFile[], options: AccountQuotaOptions = {}): AccountQuotaReport {
  const quotas = options.quotas ?? defaultAccountQuotas;
  const warnAt = options.warnAt ?? 0.8;
  const unique = new Map(plans.map((plan) => [`${plan.stack}/${plan.env}`, plan]));
  const byAccount = new Map<string, PlanFile[]>();
  for (const plan of unique.values()) byAccount.set(plan.account, [...(byAccount.get(plan.account) ?? []), plan]);

  const uses: QuotaUse[] = [];
  for (const [account, accountPlans] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Per quota, per stack: how many resources that count against it the stack creates.
    const counts = new Map(accountWideQuotas.map((quota) => [quota.quota, new Map<string, number>()]));
    // Attachments name their role; a role may get policies attached from another stack of the account.
    const attached = new Map<string, number>();
    const roleStacks = new Map<string, string>();
    for (const plan of accountPlans) {
      for (const quota of accountWideQuotas) {
        const byStack = counts.get(quota.quota)!;
        byStack.set(plan.stack, (byStack.get(plan.stack) ?? 0) + resourcesOf(plan, quota.type).length);
      }
      for (const role of resourcesOf(plan, "aws:iam/role:Role")) {
        const name = String(role.outputs.name ?? role.inputs.name ?? role.name);
        roleStacks.set(name, plan.stack);
        const inline = Array.isArray(role.inputs.managedPolicyArns) ? role.inputs.managedPolicyArns.length : 0;
        attached.set(name, (attached.get(name) ?? 0) + inline);
      }
      for (const attachment of resourcesOf(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
        const name = String(attachment.inputs.role);
        attached.set(name, (attached.get(name) ?? 0) + 1);
      }
    }
    const existing = options.existing?.[account] ?? {};
    const sum = (byStack: Map<string, number>, extra = 0) => [...byStack.values()].reduce((total, count) => total + count, extra);
    for (const quota of accountWideQuotas) {
      const byStack = counts.get(quota.quota)!;
      const extra = existing[quota.existing] ?? 0;
      uses.push({ quota: quota.quota, account, used: sum(byStack, extra), limit: quotas[quota.limit], byStack: tally(byStack, extra) });
    }
    for (const [name, count] of [...attached].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const stack = roleStacks.get(name) ?? outside;
      uses.push({ quota: "managed-policies-per-role", account, role: { name, stack }, used: count, limit: quotas.managedPoliciesPerRole, byStack: [{ stack, count }] });
    }
  }
  return { uses, findings: uses.map((use) => findingOf(use, warnAt)).filter((finding): finding is QuotaFinding => finding !== undefined) };
}
