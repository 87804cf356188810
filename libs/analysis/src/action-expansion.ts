import { expandActionPattern, findResourceType, resourceArnMatcher, type ActionInfo } from "@ml-iam/iam";
import { matchesIamPattern } from "@ml-iam/iam";

/**
 * The services the stacks use. A NotAction, or an Action whose service part is itself a wildcard (`*`,
 * `*:Describe*`), expands only within these: listing every action of every AWS service would bury the
 * access that matters under thousands of entries nobody reviews.
 */
export const analyzedServices: readonly string[] = Object.freeze([
  "cloudwatch",
  "ec2",
  "ecr",
  "iam",
  "identitystore",
  "kms",
  "logs",
  "s3",
  "sagemaker",
  "sso",
  "sts",
]);

// The catalog is immutable for the life of the process, so expansions are computed once per pattern.
const byPattern = new Map<string, readonly ActionInfo[]>();
const byNotAction = new Map<string, readonly ActionInfo[]>();
/** Per action, the ARN format of each resource type it applies to; undefined where the data lists none. */
const formatsByAction = new WeakMap<ActionInfo, readonly (string | undefined)[]>();
/** Per resource pattern, a matcher that remembers its answer for each format. */
const matchersByResource = new Map<string, (format: string) => boolean>();
const matcherLimit = 100_000;
const applicableCounts = new Map<string, number>();

function serviceActions(service: string): readonly ActionInfo[] {
  return actionsOfPattern(`${service}:*`);
}

/**
 * The catalog actions an Action pattern names, case-insensitively: with a literal service, every matching
 * action of that service (any service); with a wildcard service part, the matching actions of
 * {@link analyzedServices}. An action the IAM data does not know names nothing (UNKNOWN_ACTION reports it).
 */
export function actionsOfPattern(pattern: string): readonly ActionInfo[] {
  const key = pattern.toLowerCase();
  let actions = byPattern.get(key);
  if (actions === undefined) {
    const colon = key.indexOf(":");
    const service = colon < 0 ? key : key.slice(0, colon);
    actions = /[*?]/.test(service)
      ? analyzedServices.flatMap((name) => serviceActions(name).filter((action) => matchesIamPattern(key, action.key, { caseInsensitive: true })))
      : expandActionPattern(key);
    actions = Object.freeze(actions);
    byPattern.set(key, actions);
  }
  return actions;
}

/** The actions of {@link analyzedServices} that none of a NotAction's patterns match. */
export function actionsExcept(notActions: readonly string[]): readonly ActionInfo[] {
  const key = [...notActions].map((pattern) => pattern.toLowerCase()).sort().join("\n");
  let actions = byNotAction.get(key);
  if (actions === undefined) {
    actions = Object.freeze(
      analyzedServices.flatMap((service) =>
        serviceActions(service).filter((action) => !notActions.some((pattern) => matchesIamPattern(pattern, action.key, { caseInsensitive: true }))),
      ),
    );
    byNotAction.set(key, actions);
  }
  return actions;
}

/**
 * Whether granting an action on a resource pattern can have any effect: `"*"` always does; otherwise the
 * pattern must be able to match an ARN of one of the action's resource types. An action without
 * resource-level permissions (most `List*`) only works with `"*"`, and `s3:GetObject` granted on a
 * bucket ARN never matches an object, so such pairs grant nothing.
 */
export function actionAppliesTo(action: ActionInfo, resource: string): boolean {
  return applicabilityTo(resource)(action);
}

const appliesEverywhere = (): boolean => true;

/**
 * {@link actionAppliesTo} with the resource fixed, for the many actions of one statement. Answers are cached per
 * (resource, ARN format) rather than per (action, resource): the actions of a pattern share a few resource types.
 */
export function applicabilityTo(resource: string): (action: ActionInfo) => boolean {
  if (resource === "*") return appliesEverywhere;
  const matches = matcherOf(resource);
  // A resource type the data lists without an ARN format cannot be checked: give it the benefit of the doubt.
  return (action) => formatsOf(action).some((format) => format === undefined || matches(format));
}

function formatsOf(action: ActionInfo): readonly (string | undefined)[] {
  let formats = formatsByAction.get(action);
  if (formats === undefined) {
    formats = action.resourceTypes.map((resourceType) => findResourceType(action.service, resourceType.name)?.arnFormat);
    formatsByAction.set(action, formats);
  }
  return formats;
}

function matcherOf(resource: string): (format: string) => boolean {
  let matcher = matchersByResource.get(resource);
  if (matcher === undefined) {
    // A bound, so that one huge document's resources do not stay in memory for the life of the process.
    if (matchersByResource.size >= matcherLimit) matchersByResource.clear();
    matcher = resourceArnMatcher(resource);
    matchersByResource.set(resource, matcher);
  }
  return matcher;
}

/** The service prefix of an action key (`s3` of `s3:GetObject`). */
export function serviceOf(action: string): string {
  const colon = action.indexOf(":");
  return colon < 0 ? action : action.slice(0, colon);
}

/** How many actions of a service can apply to a resource pattern: the size of "everything there". */
export function applicableActionCount(service: string, resource: string): number {
  const key = `${service.toLowerCase()}\n${resource}`;
  let count = applicableCounts.get(key);
  if (count === undefined) {
    const appliesTo = applicabilityTo(resource);
    count = serviceActions(service).filter((action) => appliesTo(action)).length;
    applicableCounts.set(key, count);
  }
  return count;
}
