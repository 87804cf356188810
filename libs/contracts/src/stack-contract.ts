import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/** What a producer stack must export for a contract: an Input of each output's type. */
export type ProducerOutputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** What a consumer reads through a typed reference: an Output of each output's type. */
export type ConsumerOutputs<T> = { readonly [K in keyof T]: pulumi.Output<T[K]> };

/** What the plan needs of any contract: who produces it, its keys, and the schema its values obey. */
export interface StackContractInfo {
  /** The Pulumi project (and Nx project) that produces these outputs. */
  readonly project: string;
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly keys: readonly string[];
}

/** The outputs a stack exports, typed once and shared by the producer and its consumers. */
export interface StackContract<T extends Record<string, unknown>> extends StackContractInfo {
  readonly schema: z.ZodType<T>;
  readonly keys: readonly (keyof T & string)[];
  /** Type-checks a producer's exports: missing, extra or mistyped keys fail to compile. */
  outputs(values: ProducerOutputs<T>): ProducerOutputs<T>;
  /**
   * A typed StackReference to the producer's stack: `stack` names it, else `<org>/<project>/<env>`, the env
   * defaulting to this stack's. An organization-wide stack reads each env of a producer by `env`.
   */
  reference(options?: { stack?: string; env?: string }): ConsumerOutputs<T> & { readonly stackName: string };
}

/** A reference that a consumer program made, with the keys it read: the plan records these. */
export interface RecordedReference {
  project: string;
  stack: string;
  keys: string[];
}

// Kept on the global object, as Pulumi keeps its own state: a program loaded with a fresh module registry
// (a test runner, a plan of several stacks) must record into the list the plan engine reads.
const globalKey = Symbol.for("ml-iam-platform.recordedStackReferences");
const recordedReferences: RecordedReference[] = ((globalThis as Record<symbol, unknown>)[globalKey] ??= []) as RecordedReference[];

/** References made since the last {@link clearRecordedReferences}: what the running program consumes. */
export function recordedStackReferences(): readonly RecordedReference[] {
  return recordedReferences;
}

/** Forgets recorded references, before the next program runs in the same process. */
export function clearRecordedReferences(): void {
  recordedReferences.length = 0;
}

/** The default name of an upstream stack: same organization as the running stack, and its env unless one is given. */
export function defaultStackName(project: string, env = pulumi.getStack()): string {
  return `${pulumi.getOrganization()}/${project}/${env}`;
}

/** Declares a stack's output contract from a zod object schema. */
export function defineStackContract<S extends z.ZodObject>(
  project: string,
  schema: S,
): StackContract<z.infer<S>> {
  type T = z.infer<S>;
  const keys = Object.keys(schema.shape) as (keyof T & string)[];
  return {
    project,
    schema: schema as unknown as z.ZodType<T>,
    keys,
    outputs: (values) => values,
    reference(options = {}) {
      const stackName = options.stack ?? defaultStackName(project, options.env);
      // One resource per referenced stack: a consumer of several envs of a producer names each by its env.
      const resourceName = options.env === undefined ? `${project}-outputs` : `${project}-${options.env}-outputs`;
      const reference = new pulumi.StackReference(resourceName, { name: stackName });
      const record: RecordedReference = { project, stack: stackName, keys: [] };
      recordedReferences.push(record);
      const typed = { stackName } as Record<string, unknown>;
      for (const key of keys) {
        Object.defineProperty(typed, key, {
          enumerable: true,
          get() {
            if (!record.keys.includes(key)) record.keys.push(key);
            return reference.requireOutput(key);
          },
        });
      }
      return typed as ConsumerOutputs<T> & { readonly stackName: string };
    },
  };
}
