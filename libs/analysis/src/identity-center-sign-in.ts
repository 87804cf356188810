import { managedPolicyReference, teamTagKey } from "@ml-iam/iam";
import type { PlanFile, PlannedResource } from "@ml-iam/plan";
import type { WorkflowResult, WorkflowStepResult } from "./workflow-proof";

/** Where the AWS access portal's calls are documented: what a signed-in person sees and gets. */
const portalSources = [
  "https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosignin.html",
  "https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_ListAccounts.html",
  "https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_ListAccountRoles.html",
  "https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html",
  "https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html",
  "https://docs.aws.amazon.com/singlesignon/latest/userguide/attributesforaccesscontrol.html",
];

/** The plan of a team stack for one env, as the identity stack read it. */
export type TeamPlanOf = (team: string, env: string) => PlanFile | undefined;

interface IdentityCenterModel {
  teams: Record<string, { users: string[] }>;
  sessionTagKeys: string[];
  userId: (userName: string) => string | undefined;
  groupOf: (team: string) => string | undefined;
  membersOf: (groupId: string) => Set<string>;
  permissionSet: (name: string) => PlannedResource | undefined;
  assignmentsOf: (permissionSetArn: string) => PlannedResource[];
  policiesOf: (permissionSetArn: string) => string[];
  boundaryOf: (permissionSetArn: string) => string | undefined;
}

/** The identity plan's Identity Center, indexed the way the portal reads it. */
function identityCenterModel(plan: PlanFile): IdentityCenterModel {
  const resources = plan.steps.map((step) => step.newState);
  const ofType = (type: string) => resources.filter((resource) => resource.type === type);
  const reference = (value: unknown) => {
    const { name, path } = (value ?? {}) as { name?: string; path?: string };
    return `${path ?? "/"}${name}`;
  };
  const userIds = new Map(
    plan.planValues.filter((value) => value.token === "aws:identitystore/getUser:getUser").map((value) => [String(value.result.userName), String(value.result.userId)]),
  );
  return {
    teams: (plan.config[`${plan.stack}:teams`] ?? {}) as Record<string, { users: string[] }>,
    sessionTagKeys: ofType("aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes").flatMap((resource) =>
      ((resource.inputs.attributes ?? []) as { key: string }[]).map((attribute) => attribute.key),
    ),
    userId: (userName) => userIds.get(userName),
    groupOf: (team) => ofType("aws:identitystore/group:Group").find((group) => group.inputs.displayName === team)?.outputs.groupId as string | undefined,
    membersOf: (groupId) =>
      new Set(ofType("aws:identitystore/groupMembership:GroupMembership").filter((membership) => membership.inputs.groupId === groupId).map((membership) => String(membership.inputs.memberId))),
    permissionSet: (name) => ofType("aws:ssoadmin/permissionSet:PermissionSet").find((set) => set.inputs.name === name),
    assignmentsOf: (arn) => ofType("aws:ssoadmin/accountAssignment:AccountAssignment").filter((assignment) => assignment.inputs.permissionSetArn === arn),
    policiesOf: (arn) =>
      ofType("aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment")
        .filter((attachment) => attachment.inputs.permissionSetArn === arn)
        .map((attachment) => reference(attachment.inputs.customerManagedPolicyReference))
        .sort(),
    boundaryOf: (arn) => {
      const attachment = ofType("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment").find((candidate) => candidate.inputs.permissionSetArn === arn);
      const boundary = attachment?.inputs.permissionsBoundary as { customerManagedPolicyReference?: unknown } | undefined;
      return boundary?.customerManagedPolicyReference ? reference(boundary.customerManagedPolicyReference) : undefined;
    },
  };
}

/** `/ml/central-ai/central-ai-team-boundary`: a policy ARN as Identity Center references it in an account, by path and name. */
function pathAndName(arn: string): string {
  const { path, name } = managedPolicyReference(arn);
  return `${path}${name}`;
}

/** Why the portal does not list the set's account and role to the person, or undefined when it does. */
function assignmentDenial(model: IdentityCenterModel, userName: string, setName: string, account: string): string | undefined {
  const userId = model.userId(userName);
  if (userId === undefined) return `${userName} is not looked up in the Identity Store`;
  const set = model.permissionSet(setName);
  if (set === undefined) return `there is no permission set ${setName}`;
  const groups = Object.keys(model.teams)
    .map((team) => ({ team, groupId: model.groupOf(team) }))
    .filter((group): group is { team: string; groupId: string } => group.groupId !== undefined && model.membersOf(group.groupId).has(userId));
  const assigned = model
    .assignmentsOf(String(set.outputs.arn))
    .some((assignment) => assignment.inputs.targetId === account && assignment.inputs.principalType === "GROUP" && groups.some(({ groupId }) => groupId === assignment.inputs.principalId));
  if (assigned) return undefined;
  const member = groups.length === 0 ? `${userName} is in no team's group` : `${userName} is in the group of ${groups.map((group) => group.team).join(", ")}`;
  return `${member}, and no group of theirs is assigned ${setName} in ${account}`;
}

/** Why the set's credentials are not the team's access (its people policies, the central boundary, the team tag), or undefined when they are. */
function credentialsDenial(model: IdentityCenterModel, team: string, setName: string, teamPlan: PlanFile): string | undefined {
  const arn = String(model.permissionSet(setName)?.outputs.arn ?? "");
  const expected = ((teamPlan.outputs.peoplePolicyArns ?? []) as string[]).map(pathAndName).sort();
  const held = model.policiesOf(arn);
  if (held.length !== expected.length || held.some((policy, index) => policy !== expected[index])) {
    return `${setName} holds ${held.join(", ") || "no policy"}, not ${team}'s people policies ${expected.join(", ") || "(none exported)"}`;
  }
  const boundary = typeof teamPlan.outputs.permissionsBoundaryArn === "string" ? pathAndName(teamPlan.outputs.permissionsBoundaryArn) : undefined;
  if (boundary === undefined || model.boundaryOf(arn) !== boundary) return `${setName}'s boundary is ${model.boundaryOf(arn) ?? "none"}, not ${boundary ?? "(none exported)"}`;
  if (!model.sessionTagKeys.includes(teamTagKey)) return `no access-control attribute ${teamTagKey}: its sessions would carry no aws:PrincipalTag/${teamTagKey}`;
  return undefined;
}

/** The portal calls of one person reaching one team's permission set in one env, decided on the identity plan. */
function signInSteps(model: IdentityCenterModel, team: string, userName: string, env: string, teamPlan: PlanFile | undefined, expect: "allowed" | "denied"): WorkflowStepResult[] {
  const setName = `${team}-${env}`;
  const account = teamPlan?.account ?? "(unplanned)";
  const assignment = teamPlan === undefined ? `there is no plan of ${team} (${env}): plan it first` : assignmentDenial(model, userName, setName, account);
  const credentials = assignment ?? credentialsDenial(model, team, setName, teamPlan!);
  const granted = `the assignment of ${setName} to ${team}'s group in ${account}`;
  const calls: [string, string, string, string | undefined, string][] = [
    ["sso:ListAccounts", "*", `find ${team}'s ${env} account`, assignment, `listed by ${granted}`],
    ["sso:ListAccountRoles", account, `find the permission set ${setName}`, assignment, `listed by ${granted}`],
    ["sso:GetRoleCredentials", `${account}/${setName}`, `sign in as ${setName}: ${team}'s people policies in the central boundary, tagged ${teamTagKey}=${team}`, credentials, `granted by ${granted}, holding exactly ${team}'s people policies in the central boundary`],
  ];
  return calls.map(([action, resource, purpose, denial, allowed], index) => ({
    step: index + 1,
    actor: "a person in the AWS access portal",
    principal: userName,
    action,
    resource,
    purpose,
    decision: denial === undefined ? "Allowed" : "ImplicitlyDenied",
    ok: (denial === undefined) === (expect === "allowed"),
    reason: denial ?? allowed,
  }));
}

/**
 * The Identity Center half of "a person signs in for the first time and reaches the team's access", proven on the
 * identity plan for every team it lists and every env of the team: each person of the team is in the team's group,
 * which is assigned the team's permission set in the env's account, holding exactly the team's people policies
 * (which the team's own plan proves its workflows on) within the central boundary, with the team tag. And its
 * never half: nobody gets another team's permission set.
 */
export function proveIdentityCenterSignIn(plan: PlanFile, teamPlan: TeamPlanOf, envsOf: (team: string) => readonly string[]): WorkflowResult[] {
  const model = identityCenterModel(plan);
  const results: WorkflowResult[] = [];
  for (const [team, { users }] of Object.entries(model.teams)) {
    for (const env of envsOf(team)) {
      const own = teamPlan(team, env);
      const steps = users.flatMap((user) => signInSteps(model, team, user, env, own, "allowed"));
      results.push({
        name: "sign-in-through-identity-center",
        title: `A person of ${team} signs in through Identity Center and reaches the team's access in ${env}`,
        expect: "allowed",
        subject: `${team}'s people (${env})`,
        sources: portalSources,
        passed: steps.every((step) => step.ok),
        steps,
      });
      const others = Object.entries(model.teams).filter(([other]) => other !== team).flatMap(([, entry]) => entry.users);
      const never = others.flatMap((user) => signInSteps(model, team, user, env, own, "denied"));
      results.push({
        name: "never-sign-in-as-another-team",
        title: `Nobody of another team gets ${team}'s permission set in ${env}`,
        expect: "denied",
        subject: `the other teams' people (${env})`,
        sources: portalSources,
        passed: never.every((step) => step.ok),
        steps: never,
      });
    }
  }
  return results;
}
