import type { RequestCaller } from "./principal-pattern";

/**
 * A request to simulate: who asks is implied by the policies; what is asked is an action on a resource,
 * with the request context's keys. A key with a list of values is multivalued (`aws:TagKeys`), even when
 * the list holds one value; a key with a string is single-valued.
 */
export interface SimulationRequest {
  /** `service:Action`, matched case-insensitively. */
  action: string;
  /** The resource's ARN, or `*` for actions that take no resource. */
  resource: string;
  /** Request context keys (case-insensitive names) and their values (case-sensitive). */
  context?: Readonly<Record<string, string | readonly string[]>>;
  /** Who asks, as the resource's policy sees it; only needed with a resource-based policy. */
  caller?: RequestCaller;
}

/** A context value: a string when single-valued, a list when multivalued. */
export type ContextValue = string | readonly string[];

/** The request context with case-insensitive key names, as IAM reads condition keys and policy variables. */
export class RequestContext {
  private readonly values = new Map<string, ContextValue>();

  constructor(context: Readonly<Record<string, string | readonly string[]>> = {}) {
    for (const key in context) {
      const value = context[key];
      if (value !== undefined) this.values.set(key.toLowerCase(), value);
    }
  }

  /** The value of a key whose name is already lowercased, or undefined when the request does not have it. */
  get(lowercaseKey: string): ContextValue | undefined {
    return this.values.get(lowercaseKey);
  }
}

/** The five segments of an ARN after `arn:`: partition, service, region, account, resource (which keeps its colons). */
export type ArnSegments = readonly [string, string, string, string, string];

/** A request's resource, with its ARN segments when it is an ARN. */
export interface RequestResource {
  text: string;
  segments?: ArnSegments;
}

/** The request in the form the compiled policies read: lowercased action, split resource, keyed context. */
export interface PreparedRequest {
  action: string;
  resource: RequestResource;
  context: RequestContext;
}

/** Splits `arn:partition:service:region:account:resource`, or returns undefined when the text is no such ARN. */
export function splitArn(text: string): ArnSegments | undefined {
  if (!text.startsWith("arn:")) return undefined;
  const segments: string[] = [];
  let start = 4;
  while (segments.length < 4) {
    const colon = text.indexOf(":", start);
    if (colon === -1) return undefined;
    segments.push(text.slice(start, colon));
    start = colon + 1;
  }
  segments.push(text.slice(start));
  return segments as unknown as ArnSegments;
}

/** Reads a request once so that every statement of every policy can be tested against it cheaply. */
export function prepareRequest(request: SimulationRequest): PreparedRequest {
  return {
    action: request.action.toLowerCase(),
    resource: { text: request.resource, segments: splitArn(request.resource) },
    context: new RequestContext(request.context),
  };
}
