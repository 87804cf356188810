/** A condition key name as it appears in prose: `prefix:Name`, where the prefix may be a domain and the name may contain `/`, `.` or `-`. */
const keyName = "([A-Za-z0-9][\\w.\\-/]*:[\\w.\\-/$<>{}]*[\\w}>])";

/** Phrasings AWS uses in condition key descriptions to point at a replacement key; first match wins. */
const replacementPhrasings: readonly RegExp[] = [
  // "This key has been deprecated. It has been replaced by sagemaker:VolumeKmsKeyArn"
  new RegExp(String.raw`deprecated\b.*?\breplaced by (?:the )?${keyName}`, "i"),
  // "The kms:CustomerMasterKeySpec condition key is deprecated. Instead, use the kms:KeySpec condition key"
  new RegExp(String.raw`deprecated\b.*?\binstead,? use (?:the )?${keyName}`, "i"),
  // "Deprecated: Use secretsmanager:KmsKeyArn"
  new RegExp(String.raw`deprecated\b[.:]?\s*use (?:the )?${keyName}`, "i"),
];

/** The replacement key named by a deprecation notice in a condition key description, or undefined when the description has none. */
export function parseDeprecatedReplacement(description: string): string | undefined {
  for (const phrasing of replacementPhrasings) {
    const replacement = phrasing.exec(description)?.[1];
    if (replacement !== undefined) return replacement;
  }
  return undefined;
}
