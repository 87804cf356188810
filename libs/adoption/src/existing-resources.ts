import { z } from "zod";
import { AdoptionInputError } from "./adoption-input-error";
import { importIdOf, physicalNameOf } from "./import-id";

/** A resource that exists in the account, as an old program's state or an inventory records it. */
export interface ExistingResource {
  /** What a mapping file names it by: its URN in a stack export, its id in a resource list. */
  key: string;
  /** The Pulumi type token, e.g. `aws:iam/role:Role` (CloudFormation types in a list are translated). */
  type: string;
  /** How the source names it: the old program's logical name, or the IAM name in a list. */
  label: string;
  urn?: string;
  /** The provider's id as recorded. */
  id: string;
  /** The id `pulumi import` takes for it. */
  importId: string;
  /** The IAM name (role, policy, group, user), when the type has one. */
  physicalName?: string;
  arn?: string;
  /** Its inputs as far as known: a stack export records them all; a list gives its name, path and what it states. */
  inputs: Record<string, unknown>;
  /** Whether `inputs` holds every input (a stack export) or only some (a list): unknown ones are not compared. */
  inputsComplete: boolean;
  /** Inputs the provider filled in with defaults (the state's `__defaults`). */
  defaulted: string[];
}

/** Where existing resources come from, and the resources. */
export interface ExistingInventory {
  kind: "pulumi-stack-export" | "resource-list";
  file: string;
  /** For a stack export: the old program's project and stack, read from its URNs. */
  project?: string;
  stack?: string;
  resources: ExistingResource[];
}

/** One resource of `pulumi stack export`'s deployment; fields adoption does not read are kept as they are. */
const exportedResourceSchema = z.looseObject({
  urn: z.string().regex(/^urn:pulumi:[^:]+::[^:]+::/, "is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)"),
  type: z.string().min(1),
  custom: z.boolean().optional(),
  id: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  parent: z.string().optional(),
  delete: z.boolean().optional(),
  external: z.boolean().optional(),
});

/** `pulumi stack export`: a version 3 deployment. */
const stackExportSchema = z.looseObject({
  version: z.literal(3, "must be 3 (the deployment format of `pulumi stack export`)"),
  deployment: z.looseObject({ resources: z.array(exportedResourceSchema).default([]) }),
});

/** One resource of a plain inventory: type and name or id, with its ARN and inputs if known. */
const listedResourceSchema = z.strictObject({
  type: z.string().min(1),
  name: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
  arn: z.string().regex(/^arn:aws[a-z-]*:/, "is not an ARN").optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
});

/** A plain list of IAM resources made by hand or by CloudFormation. */
const resourceListSchema = z.strictObject({ resources: z.array(listedResourceSchema) });

/** CloudFormation's names of the IAM types, as `describe-stack-resources` lists them. */
const cloudFormationTypes: Record<string, string> = {
  "AWS::IAM::Role": "aws:iam/role:Role",
  "AWS::IAM::ManagedPolicy": "aws:iam/policy:Policy",
  "AWS::IAM::Group": "aws:iam/group:Group",
  "AWS::IAM::User": "aws:iam/user:User",
  "AWS::IAM::InstanceProfile": "aws:iam/instanceProfile:InstanceProfile",
};

/** Types a resource list may hold: the IAM types whose id follows from a name or an ARN. */
const listableTypes = new Set([...Object.values(cloudFormationTypes)]);

const ignoredTypes = (type: string) => type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:");

function issueText(file: string, what: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${file}: not ${what}: ${issue.path.join(".") || "(root)"}: ${issue.message}`;
}

function parseStackExport(data: unknown, file: string): ExistingInventory {
  const parsed = stackExportSchema.safeParse(data);
  if (!parsed.success) throw new AdoptionInputError([issueText(file, "a Pulumi stack export", parsed.error)]);
  const resources: ExistingResource[] = [];
  const problems: string[] = [];
  let project: string | undefined;
  let stack: string | undefined;
  parsed.data.deployment.resources.forEach((resource, index) => {
    const [, stackName, projectName] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(resource.urn) ?? [];
    stack ??= stackName;
    project ??= projectName;
    // Providers, the stack itself, components, resources read with `get` and pending deletes are not adopted.
    if (ignoredTypes(resource.type) || resource.custom !== true || resource.external || resource.delete) return;
    if (resource.id === undefined || resource.id === "") {
      problems.push(`${file}: deployment.resources.${index}.id: ${resource.urn} has no id (was it ever created?)`);
      return;
    }
    const inputs = resource.inputs ?? {};
    const outputs = resource.outputs ?? {};
    resources.push({
      key: resource.urn,
      type: resource.type,
      label: resource.urn.split("::").pop()!,
      urn: resource.urn,
      id: resource.id,
      importId: importIdOf(resource.type, resource.id, inputs) ?? resource.id,
      physicalName: physicalNameOf(resource.type, resource.id, inputs, outputs),
      arn: typeof outputs.arn === "string" ? outputs.arn : undefined,
      inputs,
      inputsComplete: true,
      defaulted: Array.isArray(inputs.__defaults) ? inputs.__defaults.filter((key): key is string => typeof key === "string") : [],
    });
  });
  if (problems.length > 0) throw new AdoptionInputError(problems);
  return { kind: "pulumi-stack-export", file, project, stack, resources };
}

/** The IAM path an ARN carries: `arn:aws:iam::1:role/ml/team/name` → `/ml/team/`. */
function pathOfArn(arn: string | undefined): string | undefined {
  const resource = arn?.split(":").slice(5).join(":");
  const slash = resource?.indexOf("/") ?? -1;
  if (!resource || slash < 0) return undefined;
  return resource.slice(slash, resource.lastIndexOf("/") + 1);
}

function parseResourceList(data: unknown, file: string): ExistingInventory {
  const parsed = resourceListSchema.safeParse(data);
  if (!parsed.success) throw new AdoptionInputError([issueText(file, "a resource list", parsed.error)]);
  const problems: string[] = [];
  const resources: ExistingResource[] = [];
  parsed.data.resources.forEach((entry, index) => {
    const where = `${file}: resources.${index}`;
    const type = cloudFormationTypes[entry.type] ?? entry.type;
    if (!listableTypes.has(type)) {
      problems.push(`${where}.type: ${entry.type} is not an IAM role, managed policy, group, user or instance profile type (e.g. aws:iam/role:Role or AWS::IAM::Role)`);
      return;
    }
    const nameOfArn = (entry.arn ?? entry.id)?.split("/").pop();
    const name = entry.name ?? (type === "aws:iam/policy:Policy" ? nameOfArn : (entry.id ?? nameOfArn));
    const id = type === "aws:iam/policy:Policy" ? (entry.id ?? entry.arn) : (entry.id ?? entry.name ?? nameOfArn);
    if (id === undefined || name === undefined) {
      problems.push(`${where}: needs ${type === "aws:iam/policy:Policy" ? "arn (or id: the policy ARN)" : "name, id or arn"}`);
      return;
    }
    if (type === "aws:iam/policy:Policy" && !id.startsWith("arn:")) {
      problems.push(`${where}.id: a managed policy is imported by its ARN, got ${JSON.stringify(id)}`);
      return;
    }
    const arn = entry.arn ?? (id.startsWith("arn:") ? id : undefined);
    const path = pathOfArn(arn);
    resources.push({
      key: id,
      type,
      label: name,
      id,
      importId: id,
      physicalName: name,
      arn,
      // What a list states is compared; what it leaves out is unknown, not defaulted.
      inputs: { name, ...(path === undefined ? {} : { path }), ...entry.inputs },
      inputsComplete: false,
      defaulted: [],
    });
  });
  if (problems.length > 0) throw new AdoptionInputError(problems);
  return { kind: "resource-list", file, resources };
}

/**
 * Reads what exists: a `pulumi stack export` (`{"version": 3, "deployment": {"resources": [...]}}`) of the
 * old program, or a plain resource list (`{"resources": [{"type", "name", "id", "arn", "inputs"?}]}`).
 * Throws {@link AdoptionInputError} naming the file and the field.
 */
export function parseExistingResources(json: string, file: string): ExistingInventory {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AdoptionInputError([`${file}: not JSON: ${(error as Error).message}`]);
  }
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    if ("deployment" in data || "version" in data) return parseStackExport(data, file);
    if ("resources" in data) return parseResourceList(data, file);
  }
  throw new AdoptionInputError([
    `${file}: neither a Pulumi stack export ({"version": 3, "deployment": {...}}) nor a resource list ({"resources": [...]})`,
  ]);
}
