import { asList, type PolicyDocumentJson, type StatementJson, type WildcardMatcher } from "@ml-iam/iam";
import { compileActionPattern } from "./action-pattern";
import { cachedCompiler } from "./compile-cache";
import { compileCondition, type CompiledCondition } from "./compiled-condition";
import { compilePrincipalPattern, type PrincipalPattern } from "./principal-pattern";
import type { PreparedRequest } from "./request";
import { compileResourcePattern, type ResourcePattern } from "./resource-pattern";

/** A statement compiled for evaluation: its patterns and conditions read once. */
export interface CompiledStatement {
  /** 0-based position in the document's Statement list. */
  index: number;
  sid?: string;
  effect: "Allow" | "Deny";
  /** Whether its Action (or NotAction) covers a lowercased action. */
  coversAction(action: string): boolean;
  /** Whether, its action covered, it applies to the request: the resource and every condition match. */
  appliesTo(request: PreparedRequest): boolean;
  /** How its Principal names a caller; only resource-based policies (trust, bucket policies) have one. */
  principal: PrincipalPattern;
}

/** A compiled document: the statements whose actions cover an action, remembered per action. */
export interface CompiledPolicy {
  statementsFor(action: string): readonly CompiledStatement[];
}

/** How many distinct actions a document remembers its statements for before it starts over. */
const actionsRemembered = 512;

/** How a document reads `${…}`: as policy variables only from Version 2012-10-17 on. */
type VariableSyntax = "variables" | "literal";

const actionPattern = cachedCompiler(compileActionPattern);
const resourcePatterns: Record<VariableSyntax, (pattern: string) => ResourcePattern> = {
  variables: cachedCompiler((pattern) => compileResourcePattern(pattern, { variables: true })),
  literal: cachedCompiler((pattern) => compileResourcePattern(pattern, { variables: false })),
};
const separator = "\u0000";
const cachedCondition = cachedCompiler((text) => {
  const [syntax, operator, key, ...values] = text.split(separator) as [VariableSyntax, string, string, ...string[]];
  return compileCondition(operator, key, values, { variables: syntax === "variables" });
});

/** Documents are read as immutable: a document changed after its first simulation keeps its compiled form. */
const compiledPolicies = new WeakMap<PolicyDocumentJson, CompiledPolicy>();

/**
 * A document compiled once and cached by document identity. Statements IAM would reject (no valid
 * Effect, no Action/NotAction, no Resource/NotResource outside a trust policy) are left out: they apply to nothing.
 */
export function compilePolicy(document: PolicyDocumentJson): CompiledPolicy {
  let compiled = compiledPolicies.get(document);
  if (compiled === undefined) {
    // Policy variables exist from Version 2012-10-17 on; in older documents `${…}` is literal text.
    const syntax: VariableSyntax = document.Version === "2012-10-17" ? "variables" : "literal";
    const statements = asList(document.Statement).flatMap((statement, index) => compileStatement(statement, index, syntax) ?? []);
    const byAction = new Map<string, readonly CompiledStatement[]>();
    compiled = {
      statementsFor: (action) => {
        let covering = byAction.get(action);
        if (covering === undefined) {
          if (byAction.size >= actionsRemembered) byAction.clear();
          covering = statements.filter((statement) => statement.coversAction(action));
          byAction.set(action, covering);
        }
        return covering;
      },
    };
    compiledPolicies.set(document, compiled);
  }
  return compiled;
}

function compileStatement(statement: StatementJson, index: number, syntax: VariableSyntax): CompiledStatement | undefined {
  if (typeof statement !== "object" || statement === null) return undefined;
  if (statement.Effect !== "Allow" && statement.Effect !== "Deny") return undefined;
  const actionMatches = compileActions(statement);
  // A trust policy names no Resource: its statements apply to the role that holds it.
  const namesPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
  const resourceMatches =
    namesPrincipal && statement.Resource === undefined && statement.NotResource === undefined ? () => true : compileResources(statement, resourcePatterns[syntax]);
  if (!actionMatches || !resourceMatches) return undefined;
  const conditions = compileConditions(statement, syntax);
  return {
    index,
    sid: statement.Sid,
    effect: statement.Effect,
    coversAction: actionMatches,
    principal: compilePrincipalPattern(statement.Principal, statement.NotPrincipal),
    appliesTo: (request) => {
      if (!resourceMatches(request)) return false;
      for (const condition of conditions) if (!condition(request.context)) return false;
      return true;
    },
  };
}

function strings(value: string | string[] | undefined): string[] {
  return asList(value).filter((item): item is string => typeof item === "string");
}

function compileActions(statement: StatementJson): ((action: string) => boolean) | undefined {
  const listed = statement.Action !== undefined;
  if (!listed && statement.NotAction === undefined) return undefined;
  const patterns: WildcardMatcher[] = strings(listed ? statement.Action : statement.NotAction).map(actionPattern);
  const matchesAny = (action: string) => {
    for (const pattern of patterns) if (pattern(action)) return true;
    return false;
  };
  return listed ? matchesAny : (action) => !matchesAny(action);
}

function compileResources(statement: StatementJson, resourcePattern: (pattern: string) => ResourcePattern): ((request: PreparedRequest) => boolean) | undefined {
  if (statement.Resource !== undefined) {
    const patterns = strings(statement.Resource).map(resourcePattern);
    return ({ resource, context }) => {
      for (const pattern of patterns) if (pattern(resource, context) === "match") return true;
      return false;
    };
  }
  if (statement.NotResource !== undefined) {
    const patterns: ResourcePattern[] = strings(statement.NotResource).map(resourcePattern);
    // An entry whose policy variable has no value cannot prove the resource outside it: the statement stays out.
    return ({ resource, context }) => {
      for (const pattern of patterns) if (pattern(resource, context) !== "no-match") return false;
      return true;
    };
  }
  return undefined;
}

function compileConditions(statement: StatementJson, syntax: VariableSyntax): CompiledCondition[] {
  const conditions: CompiledCondition[] = [];
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(block ?? {})) {
      const parts = [syntax, operator, key, ...asList(values).map(String)];
      // The parts are joined into the cache key; text that holds the separator itself compiles uncached.
      conditions.push(
        parts.some((part) => part.includes(separator))
          ? compileCondition(operator, key, parts.slice(3), { variables: syntax === "variables" })
          : cachedCondition(parts.join(separator)),
      );
    }
  }
  return conditions;
}
