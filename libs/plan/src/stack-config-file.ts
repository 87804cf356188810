import { readFileSync } from "node:fs";
import { isAlias, isMap, isScalar, parseDocument, type Document, type Node } from "yaml";

/** The placeholder a `secure:` config value becomes: the plan never decrypts secrets. */
export const secretPlaceholder = "[secret]";

/** A stack's config as the Pulumi runtime takes it: every value a string, structured values as JSON. */
export interface StackConfig {
  /** `namespace:key` → value as written (structured values kept structured, secrets as [secret]). */
  values: Record<string, unknown>;
  /** `namespace:key` → the string the Pulumi runtime expects. */
  runtime: Record<string, string>;
  secretKeys: string[];
}

/** Reads `Pulumi.<env>.yaml`; the error names the file and what is wrong with it. */
export function readStackConfigFile(file: string): StackConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${file}: cannot read the stack config file`, { cause: error });
  }
  const document = parseDocument(text);
  const [yamlError] = document.errors;
  if (yamlError) throw new Error(`${file}: malformed YAML: ${yamlError.message.split("\n")[0]}`, { cause: yamlError });
  if (!isMap(document.contents)) {
    throw new Error(`${file}: expected a mapping with a "config" key`);
  }
  const config = document.get("config", true) ?? null;
  if (config !== null && !(isScalar(config) && config.value === null) && !isMap(config)) {
    throw new Error(`${file}: "config" must be a mapping of namespace:key to values`);
  }
  const values: Record<string, unknown> = {};
  const runtime: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const pair of isMap(config) ? config.items : []) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const value = configValueOf(document, pair.value as Node | null);
    if (!/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/.test(key)) {
      throw new Error(`${file}: config key "${key}" must be namespace:key, e.g. aws:region`);
    }
    const redacted = redactSecureValues(value);
    values[key] = redacted.value;
    runtime[key] = typeof redacted.value === "string" ? redacted.value : JSON.stringify(redacted.value);
    // Pulumi marks a whole key secret when any value inside it is secure; so does the plan.
    if (redacted.hasSecret) secretKeys.push(key);
  }
  return { values, runtime, secretKeys };
}

/**
 * One config value as the Pulumi CLI reads it: a scalar is the string it was written as (`012345` stays
 * "012345", `3.5e10` stays "3.5e10", `true` stays "true"), because the CLI first unmarshals every value into a
 * Go string and only a mapping or sequence falls through to an object, which it passes on as JSON
 * (`unmarshalValue` in https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/config/value.go).
 */
function configValueOf(document: Document, node: Node | null): unknown {
  const resolved = isAlias(node) ? node.resolve(document) : node;
  if (resolved === undefined || resolved === null) return "";
  if (!isScalar(resolved)) return resolved.toJS(document);
  if (resolved.value === null) return "";
  // A quoted or block scalar's value is already its text; a plain one's source is what was written.
  return typeof resolved.value === "string" ? resolved.value : (resolved.source ?? String(resolved.value));
}

/** Replaces every `{secure: ...}` at any depth with the placeholder, so no ciphertext reaches the plan. */
function redactSecureValues(value: unknown): { value: unknown; hasSecret: boolean } {
  if (isSecure(value)) return { value: secretPlaceholder, hasSecret: true };
  if (Array.isArray(value)) {
    const items = value.map(redactSecureValues);
    return { value: items.map((item) => item.value), hasSecret: items.some((item) => item.hasSecret) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, redactSecureValues(item)] as const);
    return {
      value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])),
      hasSecret: entries.some(([, item]) => item.hasSecret),
    };
  }
  return { value, hasSecret: false };
}

function isSecure(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "secure" in value;
}
