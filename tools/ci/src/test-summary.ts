import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Counts from one Jest `--json` result file. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
}

/** Adds up the Jest result files of every project (each written by its `test` target). */
export function sumTestResults(directory: string): TestCounts & { projects: number } {
  const files = readdirSync(directory).filter((file) => file.endsWith(".json"));
  const total = { passed: 0, failed: 0, skipped: 0, projects: files.length };
  for (const file of files) {
    const result = JSON.parse(readFileSync(join(directory, file), "utf8")) as JestJson;
    total.passed += result.numPassedTests;
    total.failed += result.numFailedTests;
    total.skipped += result.numPendingTests + (result.numTodoTests ?? 0);
  }
  return total;
}

/** The closing line CI reads: `tests: N passed, N failed, N skipped`. */
export function formatTestSummary(counts: TestCounts): string {
  return `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
}
