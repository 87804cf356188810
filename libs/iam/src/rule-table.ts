import type { Rule } from "./rules/rule";

/** The rule registry as a Markdown table: code, severity, document kinds, trigger. */
export function renderRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map(
    (rule) => `| \`${rule.code}\` | ${rule.severity} | ${rule.kinds?.join(", ") ?? "all"} | ${rule.trigger.replace(/\|/g, "\\|")} |`,
  );
  return [
    "# Policy rules",
    "",
    "Generated from `libs/iam/src/rule-registry.ts` by `npx nx run iam:docs`; a test fails when it is stale.",
    "Every policy document is checked by these rules when a stack builds it (errors stop the program),",
    "by `ml-iam lint`, and by the deploy-time policy pack.",
    "",
    "| code | severity | kinds | fires when |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
