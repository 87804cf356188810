/**
 * Remembers what a compiler made of each text, so that a pattern or condition repeated across statements
 * and documents (the same bucket ARN, the same team condition) compiles once. The cache starts over when
 * it holds `limit` entries, which bounds its memory in a long-running process.
 */
export function cachedCompiler<T>(compile: (text: string) => T, limit = 10_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let compiled = cache.get(text);
    if (compiled === undefined) {
      if (cache.size >= limit) cache.clear();
      compiled = compile(text);
      cache.set(text, compiled);
    }
    return compiled;
  };
}
