/**
 * Returns a builder's parts, throwing when one is an empty string: an empty name yields an ARN such
 * as `training-job/` that IAM accepts but that never matches a resource. Outputs are not checked.
 */
export function nonEmptyParts<P extends object>(builder: string, parts: P): P {
  for (const [field, value] of Object.entries(parts)) {
    if (value === "") throw new Error(`${builder}: ${field} must not be empty`);
  }
  return parts;
}
