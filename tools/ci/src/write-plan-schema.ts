import { canonicalJson, planFileJsonSchema } from "@ml-iam/plan";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

// Run from the workspace root by `npx nx run plan:schema`; plan-schema.test.ts fails when it is stale.
const file = join(process.cwd(), "libs/plan/plan.schema.json");
writeFileSync(file, canonicalJson(planFileJsonSchema()));
console.log(`wrote ${file}`);
