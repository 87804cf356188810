import { PolicyPack } from "@pulumi/policy";
import { policies, policyPackName } from "./policies";

// Serves the policies to the Pulumi engine; loaded through ../index.js when a preview or up runs with --policy-pack.
new PolicyPack(policyPackName, {
  description: "ML IAM guardrails: team roles carry the central boundary, policy documents pass the rule registry, team IAM stays under /ml/<team>/.",
  enforcementLevel: "mandatory",
  policies,
});
