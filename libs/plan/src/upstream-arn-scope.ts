import type { PlanScope } from "./aws-identity-assignment";

/** An upstream stack's outputs as a consumer receives them through its contract. */
export interface UpstreamOutputsArgs {
  /** The producer's project, named in each problem. */
  project: string;
  env: string;
  outputs: Record<string, unknown>;
  /** The consumer's partition and account. */
  consumer: Pick<PlanScope, "partition" | "account">;
  /** Only these outputs, e.g. the keys the consumer's reference read; every output when absent. */
  keys?: readonly string[];
}

// Account fields an ARN may carry without being another account's: S3 bucket ARNs have none, and AWS managed
// policies are `arn:<partition>:iam::aws:policy/...`, shared by every account of the partition.
const accountlessFields = new Set(["", "aws"]);

/**
 * Where an upstream stack hands the consumer an ARN of another partition or account: a boundary, policy or role
 * of another account attaches to nothing (or grants across accounts), and one of another partition is refused by
 * IAM, so the plan would pass and the deploy go wrong. Each problem names the producer, the output and both scopes.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function upstreamArnScopeProblems({ project, env, outputs, consumer, keys }: UpstreamOutputsArgs): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else if (typeof value === "object" && value !== null) Object.entries(value).forEach(([key, item]) => visit(item, `${path}.${key}`));
    else if (typeof value === "string" && value.startsWith("arn:")) {
      const [, partition, , , account] = value.split(":");
      const where = `upstream stack ${project} (${env}) output ${path}: ${value}`;
      if (partition !== consumer.partition) problems.push(`${where} is in partition ${partition}, not this stack's ${consumer.partition}`);
      else if (account !== undefined && !accountlessFields.has(account) && account !== consumer.account) {
        problems.push(`${where} is in account ${account}, not this stack's ${consumer.account}`);
      }
    }
  };
  for (const key of keys ?? Object.keys(outputs)) if (key in outputs) visit(outputs[key], key);
  return problems;
}
