/**
 * What is wrong with the people the identity stack puts in teams, each naming the config key: a person in two
 * teams would get one `team` session tag (Identity Center's access-control attribute has one value per user),
 * so one of the two teams' permission sets would run with the other team's tag.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/attributesforaccesscontrol.html
 */
export function identityCenterPeopleProblems(teams: Readonly<Record<string, { users: readonly string[] }>>, configKey = "identity:teams"): { key: string; problem: string }[] {
  const teamsOf = new Map<string, string[]>();
  for (const [team, { users }] of Object.entries(teams)) {
    for (const user of users) teamsOf.set(user, [...(teamsOf.get(user) ?? []), team]);
  }
  return [...teamsOf]
    .filter(([, of]) => of.length > 1)
    .map(([user, of]) => ({
      key: configKey,
      problem: `${user} is in ${of.join(" and ")}: a person belongs to one team, whose name their sessions carry as the team tag`,
    }));
}
