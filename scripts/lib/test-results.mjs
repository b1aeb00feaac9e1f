import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listWorkspaces } from './workspace.mjs';

const RESULTS_DIR = '.test-results';

/** Removes earlier results so only this run's (executed or replayed from turbo's cache) count. */
export function clearTestResults() {
  for (const workspace of listWorkspaces()) rmSync(path.join(workspace.dir, RESULTS_DIR), { recursive: true, force: true });
}

function countFile(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    // Jest: a suite that crashed before running its tests counts as one failure.
    const crashed = (report.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + crashed, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
  }
  if (report.stats && typeof report.stats.expected === 'number') {
    // Playwright's JSON reporter.
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
  }
  throw new Error(`${file} is not a Jest or Playwright JSON report`);
}

/** Sums every workspace's reports; a workspace with a test script and no report counts as failed. */
export function collectTestResults() {
  const rows = [];
  for (const workspace of listWorkspaces()) {
    if (!workspace.manifest.scripts?.test) continue;
    const dir = path.join(workspace.dir, RESULTS_DIR);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)) : [];
    if (files.length === 0) {
      rows.push({ name: workspace.manifest.name, passed: 0, failed: 1, skipped: 0, note: 'no test report (did its tests run?)' });
      continue;
    }
    const total = { name: workspace.manifest.name, passed: 0, failed: 0, skipped: 0 };
    for (const file of files) {
      try {
        const counts = countFile(file);
        total.passed += counts.passed;
        total.failed += counts.failed;
        total.skipped += counts.skipped;
      } catch (error) {
        total.failed += 1;
        total.note = error.message;
      }
    }
    rows.push(total);
  }
  return rows;
}
