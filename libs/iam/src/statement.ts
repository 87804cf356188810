import type * as pulumi from "@pulumi/pulumi";
import type { ActionPattern } from "./action-pattern";
import type { Arn } from "./arn";
import type { Conditions } from "./condition";
import type { Principals } from "./principal";

/** A resource of a statement: a typed ARN from the builders, or any string (checked when it resolves). */
export type ResourceRef = pulumi.Input<string> | Arn;

/** What a statement grants or denies; Pulumi Inputs are accepted anywhere. */
export interface StatementArgs {
  sid?: string;
  actions?: readonly ActionPattern[];
  notActions?: readonly ActionPattern[];
  resources?: readonly ResourceRef[];
  notResources?: readonly ResourceRef[];
  conditions?: Conditions;
  principals?: Principals;
  notPrincipals?: Principals;
}

/** A statement with its effect, ready to go into a document. */
export interface Statement extends StatementArgs {
  readonly effect: "Allow" | "Deny";
}

/** A statement that allows. */
export function allow(args: StatementArgs): Statement {
  return { ...args, effect: "Allow" };
}

/** A statement that denies; explicit denies win over every allow. */
export function deny(args: StatementArgs): Statement {
  return { ...args, effect: "Deny" };
}
