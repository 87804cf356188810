import { parseTemplate, resolveTemplate, type PolicyTemplate } from "./policy-variables";
import { splitArn, type RequestContext, type RequestResource } from "./request";
import { compileMarkedPattern, hasWildcards, matchesMarkedPattern, type WildcardMatcher } from "@ml-iam/iam";

/** How one Resource or NotResource entry relates to a request's resource. */
export type ResourcePatternMatch = "match" | "no-match" | "unresolved";

/** One compiled Resource or NotResource entry. */
export type ResourcePattern = (resource: RequestResource, context: RequestContext) => ResourcePatternMatch;

/** A template with its matcher compiled once when it has no policy variables. */
interface SegmentPattern {
  template: PolicyTemplate;
  matcher?: WildcardMatcher;
  /** A literal prefix the value must have whatever the variables hold (the resource type). */
  resourceType?: string;
}

const anyResource: ResourcePattern = () => "match";

/**
 * Compiles a Resource entry. ARNs match segment by segment (a wildcard never spans the colons between
 * partition, service, region, account and resource; within the resource segment it spans anything), case-
 * sensitively. An ARN with fewer than six segments has the missing ones filled with `*`. A policy variable
 * that cannot be substituted makes the entry "unresolved": it matches nothing, and cannot prove a resource
 * outside it either, unless the resource type (`role/`, `training-job/`: literal in IAM, never a wildcard or
 * variable) already differs. Without `variables` (documents older than Version 2012-10-17), `${…}` is literal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function compileResourcePattern(pattern: string, options: { variables: boolean } = { variables: true }): ResourcePattern {
  if (pattern === "*") return anyResource;
  const segments = arnPatternSegments(pattern);
  if (segments === undefined) {
    const whole = segmentPattern(pattern, options.variables);
    return (resource, context) => matchSegment(whole, resource.text, context);
  }
  const compiled = segments.map((segment) => segmentPattern(segment, options.variables));
  const [partition, service, region, account] = compiled as [SegmentPattern, SegmentPattern, SegmentPattern, SegmentPattern];
  const rest = withResourceType(compiled[4]!, segments);
  compiled[4] = rest;
  const literalHead = [partition, service, region, account].every(({ template }) => template.constant !== undefined && !hasWildcards(template.constant));
  if (literalHead) {
    // The common shape: partition, service, region and account spelled out, wildcards only in the resource.
    const head = `arn:${segments.slice(0, 4).join(":")}:`;
    return (resource, context) => {
      if (resource.segments === undefined || !resource.text.startsWith(head)) return "no-match";
      return matchSegment(rest, resource.segments[4], context);
    };
  }
  return (resource, context) => {
    const requested = resource.segments;
    if (requested === undefined) return "no-match";
    for (let index = 0; index < compiled.length; index++) {
      const result = matchSegment(compiled[index]!, requested[index]!, context);
      if (result !== "match") return result;
    }
    return "match";
  };
}

function arnPatternSegments(pattern: string): readonly string[] | undefined {
  if (!pattern.startsWith("arn:")) return undefined;
  const full = splitArn(pattern);
  if (full) return full;
  const pieces = pattern.split(":");
  while (pieces.length < 6) pieces.push("*");
  return splitArn(pieces.join(":"));
}

/**
 * The resource segment with its resource type: the text up to the first `/` or `:`, when it is literal.
 * S3 bucket and object ARNs (no region, no account) have no type: the segment starts with the bucket name.
 */
function withResourceType(pattern: SegmentPattern, segments: readonly string[]): SegmentPattern {
  const [, service, region, account, resource] = segments as [string, string, string, string, string];
  if (pattern.matcher || (service === "s3" && region === "" && account === "")) return pattern;
  const end = resource.search(/[/:]/);
  const resourceType = end === -1 ? "" : resource.slice(0, end + 1);
  return resourceType && !/[*?$]/.test(resourceType) ? { ...pattern, resourceType } : pattern;
}

function segmentPattern(text: string, variables: boolean): SegmentPattern {
  const template = parseTemplate(text, { wildcards: true, variables });
  return { template, matcher: template.constant === undefined ? undefined : compileMarkedPattern(template.constant) };
}

function matchSegment(pattern: SegmentPattern, value: string, context: RequestContext): ResourcePatternMatch {
  if (pattern.matcher) return pattern.matcher(value) ? "match" : "no-match";
  const resolved = resolveTemplate(pattern.template, context);
  if (resolved === undefined) return pattern.resourceType && !value.startsWith(pattern.resourceType) ? "no-match" : "unresolved";
  return matchesMarkedPattern(resolved, value) ? "match" : "no-match";
}
