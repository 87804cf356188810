import { matchesIamPattern } from "../iam-pattern";

/** A policy variable (`${aws:username}`) stands for one value per principal: a literal, for naming. */
const policyVariable = /\$\{[^}]*\}/g;
const variableStandIn = "\u0000";

/** An ARN's six colon-separated components; the resource (last) keeps its colons. Fewer for non-ARNs such as `*`. */
function arnComponents(arn: string): string[] {
  const parts = arn.split(":");
  return parts.length <= 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(":")];
}

/**
 * Whether a resource pattern names its resources: it has no wildcard, or the resource's name (the part
 * after the type and any parent, per the ARN format) starts with literal text, as `role/ml/team-a/*`,
 * `notebook-instance/team-a-*` and `user-profile/d-123/team-a-*` do and `role/*`, `notebook-instance/*`,
 * `user-profile/d-123/*` and `*` do not. Policy variables count as literal text.
 */
export function namesResources(resource: string, arnFormat: string): boolean {
  const pattern = resource.replace(policyVariable, variableStandIn);
  if (!/[*?]/.test(pattern)) return true;
  const parts = arnComponents(pattern);
  const formatParts = arnComponents(arnFormat.split(/,\s*(?=arn:)/)[0] ?? arnFormat);
  if (parts.length < 6 || formatParts.length < 6) return false;
  const resourcePart = parts[5]!;
  const formatResource = formatParts[5]!;
  // The name is the format's last variable: skip the type and parent segments written before it.
  const beforeName = formatResource.slice(0, Math.max(formatResource.lastIndexOf("${"), 0));
  let separators = (beforeName.match(/[/:]/g) ?? []).length;
  let position = 0;
  while (separators > 0 && position < resourcePart.length) {
    const char = resourcePart[position]!;
    if (char === "*" || char === "?") return false; // a wildcard in the type or parent spans the name too
    if (char === "/" || char === ":") separators--;
    position++;
  }
  if (separators > 0) return false;
  const name = resourcePart.slice(position);
  return name.length > 0 && name[0] !== "*" && name[0] !== "?";
}

/** Whether a resource pattern matches every IAM role of an account: `*`, `arn:aws:iam::123456789012:role/*`, `arn:aws:iam::*:*`. */
export function coversEveryRole(resource: string): boolean {
  if (resource === "*") return true;
  const pattern = resource.replace(policyVariable, variableStandIn);
  const parts = arnComponents(pattern);
  if (parts.length < 6) return matchesIamPattern(pattern, "arn:aws:iam::111122223333:role/any-role");
  return (
    matchesIamPattern(parts[2]!, "iam", { caseInsensitive: true }) &&
    matchesIamPattern(parts[5]!, "role/any-role") &&
    matchesIamPattern(parts[5]!, "role/any/path/any-role")
  );
}

/** Whether a role ARN pattern can match more than one role: a wildcard in its name or path (not in its account). */
export function roleNameHasWildcard(resource: string): boolean {
  const pattern = resource.replace(policyVariable, variableStandIn);
  const parts = arnComponents(pattern);
  return /[*?]/.test(parts.length < 6 ? pattern : parts[5]!);
}
