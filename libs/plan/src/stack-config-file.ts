import { readFileSync } from "node:fs";
import { parse } from "yaml";

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
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${file}: malformed YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new Error(`${file}: expected a mapping with a "config" key`);
  }
  const config = (document as { config?: unknown }).config ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new Error(`${file}: "config" must be a mapping of namespace:key to values`);
  }
  const values: Record<string, unknown> = {};
  const runtime: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(config)) {
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
