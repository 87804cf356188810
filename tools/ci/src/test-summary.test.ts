import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatTestSummary, sumTestResults } from "./test-summary";

describe("test summary", () => {
  it("adds up every project's Jest results", () => {
    const dir = mkdtempSync(join(tmpdir(), "test-results-"));
    writeFileSync(join(dir, "iam.json"), JSON.stringify({ numPassedTests: 10, numFailedTests: 1, numPendingTests: 2 }));
    writeFileSync(join(dir, "ci.json"), JSON.stringify({ numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numTodoTests: 1 }));
    writeFileSync(join(dir, "notes.txt"), "ignored");
    expect(sumTestResults(dir)).toEqual({ passed: 15, failed: 1, skipped: 3, projects: 2 });
  });

  it("prints the line CI reads", () => {
    expect(formatTestSummary({ passed: 3, failed: 0, skipped: 1 })).toBe("tests: 3 passed, 0 failed, 1 skipped");
  });
});
