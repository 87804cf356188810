import { centralTeam } from "@ml-iam/iam";

/**
 * A resource as a policy of the pack sees it: its type token, its inputs and its URN. Pulumi's
 * `ResourceValidationArgs` has these; so does a planned resource of the offline plan (`inputs` as `props`).
 */
export interface PolicyResource {
  /** The type token, e.g. `aws:iam/role:Role`. */
  type: string;
  /** The resource's inputs. During a preview, reading one that is not known yet throws, and Pulumi reports the policy as not run. */
  props: Record<string, unknown>;
  /** `urn:pulumi:<stack>::<project>::<type, after its parents' types>::<name>`. */
  urn: string;
}

/** A validator of the pack: the violations of one resource, each a message; none when it complies. */
export type ResourceValidator<Config = Record<string, never>> = (resource: PolicyResource, config?: Config) => string[];

/** The platform's own stack: it creates the boundary, the delivery roles and the shared policies, outside the team rules. */
export const centralProject = centralTeam;

/** The parts of a URN: the Pulumi stack, the project (for a team stack, the team) and the resource's name. */
export function parseUrn(urn: string): { stack: string; project: string; name: string } {
  const parts = urn.split("::");
  if (!parts[0]?.startsWith("urn:pulumi:") || parts.length < 4) {
    throw new Error(`not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>): ${urn}`);
  }
  return { stack: parts[0].slice("urn:pulumi:".length), project: parts[1]!, name: parts.slice(3).join("::") };
}

/** The team whose stack declares the resource, or undefined for the central stack. */
export function teamOf(resource: PolicyResource): string | undefined {
  const { project } = parseUrn(resource.urn);
  return project === centralProject ? undefined : project;
}

/** How messages name a resource: its short type and the name the stack gave it, e.g. `Role access`. */
export function describeResource(resource: PolicyResource): string {
  return `${resource.type.split(":").pop()} ${parseUrn(resource.urn).name}`;
}
