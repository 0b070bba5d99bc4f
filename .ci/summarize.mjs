// Adds up the vitest JSON reports of each CI step; a step that wrote no report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...steps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const step of steps) {
  const file = join(dir, `${step}.json`);
  if (!existsSync(file)) {
    console.log(`${step}: no report (the step did not run to the end)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed to load has no tests but is still a failure.
  const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  console.log(`${step}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed`);
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
