import { renderRuleTable, ruleRegistry } from "@ml-iam/iam";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// Run from the workspace root by `npx nx run iam:docs`.
const file = join(process.cwd(), "docs/policy-rules.md");
writeFileSync(file, renderRuleTable(ruleRegistry));
console.log(`wrote ${file}`);
