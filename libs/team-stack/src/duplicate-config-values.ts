/**
 * Where a list in the stack's config names one thing twice (`members`, `users`, `datasetBuckets`, ...): each
 * entry becomes a resource or a grant named for it, so a repeat plans two resources with one URN or hides a typo.
 * Compared regardless of case because IAM names are (`Alice` and `alice` are one user):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
 */
export function duplicateConfigValueProblems(project: string, own: Record<string, unknown>): { key: string; problem: string }[] {
  const problems: { key: string; problem: string }[] = [];
  for (const [name, value] of Object.entries(own)) {
    if (!Array.isArray(value)) continue;
    const firstIndex = new Map<string, number>();
    value.forEach((item, index) => {
      if (typeof item !== "string") return;
      const first = firstIndex.get(item.toLowerCase());
      if (first === undefined) firstIndex.set(item.toLowerCase(), index);
      else {
        const same = value[first] === item ? `${JSON.stringify(item)} again` : `${JSON.stringify(item)}, the same name as ${JSON.stringify(value[first])}`;
        problems.push({ key: `${project}:${name}[${index}]`, problem: `repeats ${same} (first at [${first}]): list each once` });
      }
    });
  }
  return problems;
}
