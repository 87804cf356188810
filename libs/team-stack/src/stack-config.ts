import * as pulumi from "@pulumi/pulumi";
import { arnBuilders, awsPartitionOfRegion, partitionOfRegion, stackConfigFile, type ArnBuilders, type AwsScope } from "@ml-iam/iam";

export { stackConfigFile };
import { z } from "zod";
import { accountId } from "./config-schemas";
import { duplicateConfigValueProblems } from "./duplicate-config-values";
import { StackConfigError } from "./stack-config-error";
import { teamNames, type TeamNames } from "./team-names";
import { teamResourceConventionProblems } from "./team-resources-config";
import { teamUserKeyProblems } from "./team-users";

/** Config keys every team stack has, in its own namespace. */
export const commonConfigShape = {
  /** `org/repo` of this repository, tagged on every resource and used in OIDC subjects. */
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be org/repo"),
  /** Several envs in one account: the env then joins every explicit name. */
  sharedAccount: z.boolean().default(false),
  /** The central stack's name, `<org>/central-ai/<env>` by default. */
  centralStack: z.string().regex(/^[\w.-]+\/[\w.-]+\/[\w.-]+$/, "must be org/project/stack").optional(),
};

const awsConfigSchema = z.object({
  // A made-up region would plan ARNs in whatever partition its name suggests; AWS's list settles it.
  "aws:region": z
    .string()
    .refine((region) => awsPartitionOfRegion(region) !== undefined, "is not a region in AWS's partitions data (e.g. us-east-1, cn-north-1, us-gov-west-1)"),
  "aws:allowedAccountIds": z.array(accountId).length(1, "must hold exactly the env's one account id"),
  "aws:defaultTags": z.object({ tags: z.record(z.string(), z.string()) }),
});

/** Who and where the running stack is, for the builders and components of a team stack. */
export interface TeamStack {
  team: string;
  env: string;
  scope: AwsScope & { partition: string; region: string; account: string };
  arn: ArnBuilders;
  names: TeamNames;
  /** Prod resources that others depend on are protected from accidental deletion. */
  protect: boolean;
  repository: string;
}


/** Namespaces a team stack's config may use besides its own: the AWS provider's and Pulumi's. */
const knownNamespaces: readonly string[] = ["aws", "pulumi"];

function parseValue(raw: string): unknown {
  if (/^[[{]/.test(raw) || raw === "true" || raw === "false") {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

/** Config ARNs of another partition than the stack's: IAM rejects them in its policies, or worse, they match nothing. */
function arnPartitionProblems(project: string, own: Record<string, unknown>, partition: string): { key: string; problem: string }[] {
  const problems: { key: string; problem: string }[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (typeof value === "object" && value !== null) Object.entries(value).forEach(([key, item]) => visit(item, [...path, key]));
    else if (typeof value === "string" && value.startsWith("arn:") && value.split(":")[1] !== partition) {
      problems.push({ key: keyOf(project, path), problem: `is in partition ${JSON.stringify(value.split(":")[1])}, not the region's ${partition}: ${value}` });
    }
  };
  for (const [name, value] of Object.entries(own)) visit(value, [name]);
  return problems;
}

function keyOf(namespace: string, path: PropertyKey[]): string {
  const [head, ...rest] = path;
  return `${namespace}:${String(head)}` + rest.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
}

/**
 * Reads and validates the stack's config with a zod shape (plus the common keys): every problem at
 * once, each naming the config file and key. Unknown keys in the stack's namespace are errors too.
 */
export function readStackConfig<S extends z.ZodRawShape>(
  shape: S,
): z.infer<z.ZodObject<S & typeof commonConfigShape>> & { stack: TeamStack } {
  const project = pulumi.getProject();
  const env = pulumi.getStack();
  const file = stackConfigFile(project, env);
  const all = pulumi.runtime.allConfig();
  const own: Record<string, unknown> = {};
  const aws: Record<string, unknown> = {};
  const problems: { key: string; problem: string }[] = [];
  for (const [key, raw] of Object.entries(all)) {
    const [namespace, name] = key.split(":");
    if (namespace === project && name) own[name] = parseValue(raw);
    else if (namespace === "aws") aws[key] = parseValue(raw);
    // Pulumi hands every namespace to the program, so a misspelled one would silently drop the key.
    else if (!knownNamespaces.includes(namespace ?? "")) {
      problems.push({ key, problem: `${JSON.stringify(namespace)} is not a config namespace of this stack (${project}, aws or pulumi): did you mean ${project}:${name}?` });
    }
  }
  const schema = z.strictObject({ ...commonConfigShape, ...shape });
  const parsed = schema.safeParse(own);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
      for (const extra of keys) {
        const path = extra === undefined ? issue.path : [...issue.path, extra];
        const problem = extra === undefined ? issue.message : "is not a config key of this stack (misspelled?)";
        problems.push({ key: keyOf(project, path), problem });
      }
    }
  }
  problems.push(...teamResourceConventionProblems(project, own), ...duplicateConfigValueProblems(project, own), ...teamUserKeyProblems(project, own));
  const awsParsed = awsConfigSchema.safeParse(aws);
  if (!awsParsed.success) {
    for (const issue of awsParsed.error.issues) problems.push({ key: issue.path.map(String).join("."), problem: issue.message });
  }
  if (awsParsed.success) {
    problems.push(...arnPartitionProblems(project, own, partitionOfRegion(awsParsed.data["aws:region"])));
    const tags = awsParsed.data["aws:defaultTags"].tags;
    const expected: Record<string, string | undefined> = { team: project, env, repository: (parsed.data as { repository?: string } | undefined)?.repository };
    for (const [tag, value] of Object.entries(expected)) {
      if (value !== undefined && tags[tag] !== value) {
        problems.push({ key: `aws:defaultTags.tags.${tag}`, problem: `must be ${JSON.stringify(value)}, got ${JSON.stringify(tags[tag])}` });
      }
    }
  }
  if (problems.length > 0 || !parsed.success || !awsParsed.success) throw new StackConfigError(project, file, problems);
  const common = parsed.data as { repository: string; sharedAccount: boolean };

  const region = awsParsed.data["aws:region"];
  const account = awsParsed.data["aws:allowedAccountIds"][0]!;
  const scope = { partition: partitionOfRegion(region), region, account };
  const stack: TeamStack = {
    team: project,
    env,
    scope,
    arn: arnBuilders(scope),
    names: teamNames(project, env, common.sharedAccount),
    protect: env === "prod",
    repository: common.repository,
  };
  return { ...parsed.data, stack } as z.infer<z.ZodObject<S & typeof commonConfigShape>> & { stack: TeamStack };
}
