import type { RequestContext } from "./request";
import { anyCharacter, anyRun, markWildcards } from "@ml-iam/iam";

/** A `${key}` or `${key, 'default'}` reference in a policy string; the key lowercased. */
interface VariableReference {
  key: string;
  fallback?: string;
}

/**
 * A policy string read once: literal text (with wildcard marks where wildcards apply) and policy
 * variables to substitute from the request context.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export interface PolicyTemplate {
  /** The text when it has no variables, ready to compare. */
  constant?: string;
  parts: readonly (string | VariableReference)[];
  /** Whether literal text and substituted values are lowercased, for case-insensitive comparison. */
  lowercase: boolean;
}

/** The three escapes for characters that would otherwise be special, substituted literally. */
const escapes: Record<string, string> = { "*": "*", "?": "?", $: "$" };

/** How to read a policy string. */
export interface TemplateOptions {
  /** `*` and `?` are wildcards (Resource, StringLike, ArnLike). */
  wildcards: boolean;
  /** Lowercase the text and substituted values (the IgnoreCase operators). */
  lowercase?: boolean;
  /**
   * `${…}` are policy variables: only in documents of Version 2012-10-17; earlier versions read them as
   * literal text. Defaults to true.
   */
  variables?: boolean;
}

/**
 * Reads a policy string. With `wildcards`, `*` and `?` become wildcard marks; `${*}`, `${?}` and `${$}`
 * stand for the literal character. An unclosed `${` is literal text.
 */
export function parseTemplate(text: string, options: TemplateOptions): PolicyTemplate {
  const lowercase = options.lowercase ?? false;
  if (options.variables === false || !text.includes("${")) {
    const literal = lowercase ? text.toLowerCase() : text;
    const constant = options.wildcards ? markWildcards(literal) : literal;
    return { constant, parts: constant ? [constant] : [], lowercase };
  }
  const parts: (string | VariableReference)[] = [];
  let literal = "";
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (character === "$" && text[index + 1] === "{") {
      const close = text.indexOf("}", index + 2);
      if (close !== -1) {
        const inner = text.slice(index + 2, close);
        const escaped = escapes[inner];
        if (escaped !== undefined) {
          literal += escaped;
        } else {
          if (literal) parts.push(literal);
          literal = "";
          parts.push(readReference(inner));
        }
        index = close + 1;
        continue;
      }
    }
    if (options.wildcards && character === "*") literal += anyRun;
    else if (options.wildcards && character === "?") literal += anyCharacter;
    else literal += options.lowercase ? character.toLowerCase() : character;
    index++;
  }
  if (literal) parts.push(literal);
  const constant = parts.every((part) => typeof part === "string") ? parts.join("") : undefined;
  return { constant, parts, lowercase };
}

/**
 * The template with its variables substituted, or undefined when one of them has no value: its key is
 * missing from the request or multivalued (which IAM cannot substitute), and no default is given.
 */
export function resolveTemplate(template: PolicyTemplate, context: RequestContext): string | undefined {
  if (template.constant !== undefined) return template.constant;
  let resolved = "";
  for (const part of template.parts) {
    if (typeof part === "string") {
      resolved += part;
      continue;
    }
    const value = context.get(part.key);
    const substitute = typeof value === "string" ? value : part.fallback;
    if (substitute === undefined) return undefined;
    resolved += template.lowercase ? substitute.toLowerCase() : substitute;
  }
  return resolved;
}

function readReference(inner: string): VariableReference {
  const comma = inner.indexOf(",");
  if (comma === -1) return { key: inner.trim().toLowerCase() };
  const key = inner.slice(0, comma).trim().toLowerCase();
  const fallback = inner.slice(comma + 1).trim();
  // A default is quoted with single quotes; a doubled quote inside it stands for one.
  if (fallback.length >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
    return { key, fallback: fallback.slice(1, -1).replace(/''/g, "'") };
  }
  return { key };
}
