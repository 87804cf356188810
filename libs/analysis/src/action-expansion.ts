import { expandActionPattern, findResourceType, resourceMatchesArnFormat, type ActionInfo } from "@ml-iam/iam";
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
const applicability = new Map<string, boolean>();
const formatMatches = new Map<string, boolean>();
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
  if (resource === "*") return true;
  const key = `${action.key}\n${resource}`;
  let applies = applicability.get(key);
  if (applies === undefined) {
    applies = action.resourceTypes.some((resourceType) => {
      const format = findResourceType(action.service, resourceType.name)?.arnFormat;
      // A resource type the data lists without an ARN format cannot be checked: give it the benefit of the doubt.
      return format === undefined || matchesFormat(resource, format);
    });
    applicability.set(key, applies);
  }
  return applies;
}

function matchesFormat(resource: string, format: string): boolean {
  const key = `${format}\n${resource}`;
  let matches = formatMatches.get(key);
  if (matches === undefined) {
    matches = resourceMatchesArnFormat(resource, format);
    formatMatches.set(key, matches);
  }
  return matches;
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
    count = serviceActions(service).filter((action) => actionAppliesTo(action, resource)).length;
    applicableCounts.set(key, count);
  }
  return count;
}
