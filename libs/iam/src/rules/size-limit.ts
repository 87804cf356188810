import { characterLimit, policyCharacterCount, splitStatementsToFit } from "../quotas";
import { asList } from "../policy-json";
import type { Rule } from "./rule";

/** Documents over the AWS quota for their kind are rejected at deploy; catch them in the plan. */
export const sizeLimit: Rule = {
  code: "SIZE_LIMIT",
  severity: "error",
  trigger:
    "a document over the AWS character quota for its kind (whitespace not counted): managed 6,144, trust 2,048, inline 10,240 per role",
  check({ raw, policy, kind, quotas }) {
    const size = policyCharacterCount(policy.json);
    const limit = characterLimit(kind, quotas);
    if (size <= limit) return [];
    let advice = "shorten it: merge statements with the same resources, use wildcard patterns for long action lists";
    if (kind === "identity" || kind === "boundary") {
      try {
        const groups = splitStatementsToFit(asList(raw.Statement), limit);
        let start = 0;
        const ranges = groups.map((group) => {
          const range = group.length === 1 ? `${start}` : `${start}-${start + group.length - 1}`;
          start += group.length;
          return range;
        });
        advice = `split it into ${groups.length} managed policies: statements ${ranges.join(" | ")}`;
      } catch (error) {
        advice = (error as Error).message;
      }
    }
    return [{ message: `the ${kind} policy is ${size} characters, over the ${limit} limit by ${size - limit}: ${advice}` }];
  },
};
