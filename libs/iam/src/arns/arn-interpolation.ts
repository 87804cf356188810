import * as pulumi from "@pulumi/pulumi";

/** What an ARN builder produces: a Pulumi `Output<string>` in stack programs, plain text in offline analysis. */
export type ArnValue = pulumi.Output<string> | string;

/** The parts a builder takes for a value kind: Pulumi `Input`s for Outputs, strings for text. */
export type ArnPart<V extends ArnValue> = V extends string ? string : pulumi.Input<string>;

/** The partition, region and account the builders fill in, of the same kind as the parts. */
export interface ArnScope<V extends ArnValue> {
  partition: ArnPart<V>;
  region: ArnPart<V>;
  account: ArnPart<V>;
}

/**
 * How the builders join an ARN's parts: every ARN format is written once, and this says whether it becomes an
 * Output (parts may be unresolved Inputs) or text (parts are known now, as in workflows and the plan's analysis).
 */
export interface ArnInterpolation<V extends ArnValue> {
  /** Joins a template's literal strings and parts, like a tagged template. */
  join(strings: TemplateStringsArray, ...parts: ArnPart<V>[]): V;
  /** Checks or rewrites one part, now when it is known, once it resolves when it is an Output. */
  map(part: ArnPart<V>, rewrite: (part: string) => string): ArnPart<V>;
}

/** ARNs as Pulumi Outputs: the builders of stack programs. */
export const outputInterpolation: ArnInterpolation<pulumi.Output<string>> = {
  join: (strings, ...parts) => pulumi.interpolate(strings, ...parts),
  map: (part, rewrite) => (typeof part === "string" ? rewrite(part) : pulumi.output(part).apply(rewrite)),
};

/** ARNs as plain text: the builders of workflows and of analysis over plans, where every part is known. */
export const textInterpolation: ArnInterpolation<string> = {
  join: (strings, ...parts) => strings.reduce((text, literal, index) => text + literal + (index < parts.length ? parts[index] : ""), ""),
  map: (part, rewrite) => rewrite(part),
};
