import { findRule, normalizePolicy, type Finding, type NormalizedStatement } from "@ml-iam/iam";
// Not yet exported from @ml-iam/iam's index: the one definition of the escalation paths, shared with the rule.
import { escalationPaths, type EscalationStep, type SourcedStatement } from "@ml-iam/iam";
import { matchesIamPattern } from "@ml-iam/iam";
import type { PlanPrincipal } from "./plan-principals";

/** A PRIVILEGE_ESCALATION finding of a principal, naming the policy whose statement it points at. */
export interface EscalationFinding extends Finding {
  policy: string;
}

/** A policy variable may take any value: `*` when asking "could these overlap?". */
function variablesAsWildcards(pattern: string): string {
  return pattern.replace(/\$\{[^}]*\}/g, "*");
}

/** The literal text before a pattern's first wildcard. */
function literalPrefix(pattern: string): string {
  const wildcard = pattern.search(/[*?]/);
  return wildcard < 0 ? pattern : pattern.slice(0, wildcard);
}

/** Whether two resource patterns can match a common resource: a generous approximation, literal prefixes that agree. */
function overlap(a: string, b: string): boolean {
  const [p, q] = [literalPrefix(variablesAsWildcards(a)), literalPrefix(variablesAsWildcards(b))];
  const exactA = !/[*?]/.test(variablesAsWildcards(a));
  const exactB = !/[*?]/.test(variablesAsWildcards(b));
  if (exactA && exactB) return p === q;
  if (exactA) return matchesIamPattern(variablesAsWildcards(b), a);
  if (exactB) return matchesIamPattern(variablesAsWildcards(a), b);
  return p.startsWith(q) || q.startsWith(p);
}

/** The resource a step is about; a NotResource grant stands for every resource. */
function stepResource(step: EscalationStep): string {
  return step.resource.startsWith("NotResource ") ? "*" : step.resource;
}

function namesAction(statement: NormalizedStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => matchesIamPattern(pattern, action, { caseInsensitive: true }));
  return !(statement.notActions ?? []).some((pattern) => matchesIamPattern(pattern, action, { caseInsensitive: true }));
}

/** How much of a step's resources remain: none, only resources named exactly, or a pattern's worth. */
type Reach = 0 | 1 | 2;
const none: Reach = 0;
const exact: Reach = 1;
const pattern: Reach = 2;

function isExact(resource: string): boolean {
  return !/[*?]/.test(variablesAsWildcards(resource));
}

/** What remains of resources `a` within `b`: nothing when they cannot overlap, exact names when either is exact. */
function within(a: string, b: string): Reach {
  if (!overlap(a, b)) return none;
  return isExact(a) || isExact(b) ? exact : pattern;
}

/**
 * How much of a step the principal's boundary and unconditional Denies leave. Policy variables in them
 * may take any value, so a limit that depends on who asks (`${aws:PrincipalTag/team}`) narrows nothing.
 */
function reachOf(step: EscalationStep, boundary: readonly NormalizedStatement[] | undefined, denying: readonly NormalizedStatement[]): Reach {
  const resource = stepResource(step);
  let reach: Reach = isExact(resource) ? exact : pattern;
  if (boundary) {
    const allowed = boundary
      .filter((statement) => statement.effect === "Allow" && namesAction(statement, step.action))
      .map((statement): Reach => {
        if (statement.resources) return Math.max(none, ...statement.resources.map((p) => within(p, resource))) as Reach;
        return (statement.notResources ?? []).some((p) => !p.includes("${") && matchesIamPattern(p, resource)) ? none : reach;
      });
    reach = Math.min(reach, Math.max(none, ...allowed)) as Reach;
  }
  for (const statement of denying) {
    if (statement.effect !== "Deny" || statement.conditions.length > 0 || !namesAction(statement, step.action)) continue;
    if (statement.resources) {
      if (statement.resources.some((p) => !p.includes("${") && matchesIamPattern(p, resource))) return none;
    } else {
      reach = Math.min(reach, Math.max(none, ...(statement.notResources ?? []).map((p) => within(p, resource)))) as Reach;
    }
  }
  return reach;
}

/**
 * PRIVILEGE_ESCALATION across every policy a principal holds: what each document allows alone and
 * what they allow together (iam:PassRole in one, sagemaker:CreateTrainingJob in another). A path whose
 * steps the principal's permissions boundary does not allow, or an unconditional Deny of its policies
 * or boundary takes away, is closed, as is one whose first step they narrow to exactly named resources.
 * A limit to a path (`role/ml/${aws:PrincipalTag/team}/*`) is not modelled: such a path stays reported.
 * The boundary is a ceiling, never a source of findings.
 */
export function escalationFindings(principal: PlanPrincipal): EscalationFinding[] {
  const rule = findRule("PRIVILEGE_ESCALATION");
  if (!rule) return [];
  const statements: SourcedStatement[] = principal.policies.flatMap((held) =>
    held.document ? normalizePolicy(held.document).statements.map((statement) => ({ statement, policy: held.name })) : [],
  );
  const boundary = principal.boundary?.document ? normalizePolicy(principal.boundary.document).statements : undefined;
  const denying = [...statements.map(({ statement }) => statement), ...(boundary ?? [])];
  // The first step is what the rule judges by its resources: narrowed to exact names, it is the delegation
  // the rule accepts (a named role passed, a named role assumed). The others (the job that runs as the
  // passed role) only need to remain possible.
  const open = (step: EscalationStep, index: number) => reachOf(step, boundary, denying) >= (index === 0 ? pattern : exact);
  return escalationPaths(statements)
    .filter((path) => path.steps.every(open))
    .map((path) => ({
      code: rule.code,
      severity: rule.severity,
      policy: path.policy ?? "",
      statement: path.statement,
      action: path.action,
      resource: path.resource,
      message: path.message,
    }));
}
