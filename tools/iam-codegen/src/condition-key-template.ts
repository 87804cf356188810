/** Placeholder segments in condition key names: `${TagKey}` in most services, `<key>` in S3. */
const placeholderPattern = /\$\{[^}]*\}|<[^>]+>/g;

/** Rewrites the global keys' `tag-key` spelling (e.g. `aws:PrincipalTag/tag-key`) to the `${TagKey}` spelling the service data uses. */
export function normaliseGlobalConditionKey(key: string): string {
  return key.replace(/\/tag-key$/i, "/${TagKey}");
}

/** The key with every placeholder segment replaced by `${string}`; the sort and de-duplication key for generated unions. */
export function conditionKeyTemplate(key: string): string {
  return key.replace(placeholderPattern, "${string}");
}

/** TypeScript source for a type matching the key: a string literal, or a template literal type when it has placeholders. */
export function conditionKeyTypeLiteral(key: string): string {
  const literalParts = key.split(placeholderPattern);
  if (literalParts.length === 1) return JSON.stringify(key);
  return `\`${literalParts.map(escapeTemplateText).join("${string}")}\``;
}

function escapeTemplateText(text: string): string {
  return text.replace(/[`\\]/g, (char) => `\\${char}`).replace(/\$\{/g, "\\${");
}
