// `npm test`: the same set-up as `npm start`, then type checks, lint and every test of every
// package and app. Ends with one line `N passed, N failed`.
import { note, report, step } from './lib/out.mjs';
import { run } from './lib/run.mjs';
import { setup } from './lib/setup.mjs';
import { clearTestResults, collectTestResults } from './lib/test-results.mjs';

try {
  await setup();
  clearTestResults();

  step('Type checks, lint and tests (turbo run typecheck lint test)');
  const code = await run('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'lint', 'test', '--continue', '--concurrency=2']);

  step('Test results');
  const rows = collectTestResults();
  for (const row of rows) {
    note(`${row.name.padEnd(28)} ${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ''}${row.note ? `  (${row.note})` : ''}`);
  }
  const passed = rows.reduce((sum, row) => sum + row.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.failed, 0);
  if (code !== 0 && failed === 0) note('A type check or lint task failed (see above).');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code !== 0 ? code : failed > 0 ? 1 : 0);
} catch (error) {
  report(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
