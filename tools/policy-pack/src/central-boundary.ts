import { centralBoundaryArn } from "@ml-iam/iam";

/**
 * The permissions boundary every team role carries, as an ARN pattern: `<partition>` stands for any AWS
 * partition and `<account>` for any account, so one pack serves every account and env. The pack's config
 * can replace it (`boundaryArnPattern`), e.g. with a literal ARN.
 */
export const defaultBoundaryArnPattern = centralBoundaryArn({ partition: "<partition>", account: "<account>" }, "any", false);

/** The config of the policies that need the boundary, as `--policy-pack-config` gives it. */
export interface BoundaryConfig {
  boundaryArnPattern?: string;
}

/** What a boundary pattern must look like: a customer managed policy ARN, with the placeholders allowed. */
export const boundaryArnPatternSyntax = "^arn:(<partition>|aws[a-z-]*):iam::(<account>|[0-9]{12}):policy/(.+/)?[^/]+$";

/** The central boundary: its pattern, a test of an ARN, and a test of a managed policy's path and name. */
export interface CentralBoundary {
  pattern: string;
  matchesArn(arn: string): boolean;
  /** Whether the managed policy at `path` named `name` is the boundary (the kind its document is checked as). */
  isBoundaryPolicy(path: string, name: string): boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The central boundary for a pattern; throws when the pattern is not a managed policy ARN. */
export function centralBoundary(config: BoundaryConfig = {}): CentralBoundary {
  const pattern = config.boundaryArnPattern ?? defaultBoundaryArnPattern;
  if (!new RegExp(boundaryArnPatternSyntax).test(pattern)) {
    throw new Error(
      `boundaryArnPattern must be a managed policy ARN such as ${defaultBoundaryArnPattern} (<partition> and <account> match any), got ${JSON.stringify(pattern)}`,
    );
  }
  const regex = new RegExp(
    `^${escapeRegExp(pattern).replace(escapeRegExp("<partition>"), "aws(?:-[a-z]+)*").replace(escapeRegExp("<account>"), "\\d{12}")}$`,
  );
  // `policy/ml/central-ai/central-ai-team-boundary`: the path and the name after the ARN's fifth colon.
  const pathAndName = pattern.split(":").slice(5).join(":").slice("policy".length);
  return {
    pattern,
    matchesArn: (arn) => regex.test(arn),
    isBoundaryPolicy: (path, name) => `${path}${name}` === pathAndName,
  };
}
