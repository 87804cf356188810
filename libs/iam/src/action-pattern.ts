import type { KnownAction, ServicePrefix } from "./generated/actions";

/**
 * An IAM action: a known action (typos fail to compile) or a wildcard pattern within a known service,
 * which validation checks matches at least one real action.
 */
export type ActionPattern =
  | KnownAction
  | `${ServicePrefix}:${string}*${string}`
  | `${ServicePrefix}:${string}?${string}`
  | "*";
