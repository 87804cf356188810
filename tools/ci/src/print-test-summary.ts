import { formatTestSummary, sumTestResults } from "./test-summary";

// Run after `nx run-many -t test`: cached tasks restore their result files, so the sum covers every project.
const counts = sumTestResults(process.argv[2] ?? "dist/test-results");
console.log(`${counts.projects} projects`);
console.log(formatTestSummary(counts));
if (counts.failed > 0 || counts.passed === 0) process.exitCode = 1;
