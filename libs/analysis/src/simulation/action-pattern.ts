import { compileMarkedPattern, markWildcards, type WildcardMatcher } from "@ml-iam/iam";

/**
 * Compiles an Action or NotAction entry (`s3:Get*`, `sagemaker:*`, `*`): matched case-insensitively
 * against a request's action, which the caller lowercases once.
 */
export function compileActionPattern(pattern: string): WildcardMatcher {
  return compileMarkedPattern(markWildcards(pattern.toLowerCase()));
}
