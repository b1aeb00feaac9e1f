// `npm run bench -- <name>`: runs the workspace script `bench:<name>` after the usual set-up.
import { fail, note, step, SetupError } from './lib/out.mjs';
import { run } from './lib/run.mjs';
import { setup } from './lib/setup.mjs';
import { listWorkspaces } from './lib/workspace.mjs';

try {
  const name = process.argv[2];
  const benches = listWorkspaces().flatMap((w) =>
    Object.keys(w.manifest.scripts ?? {})
      .filter((script) => script.startsWith('bench:'))
      .map((script) => ({ name: script.slice('bench:'.length), workspace: w.manifest.name, script })),
  );
  if (!name) {
    note(benches.length ? `Benchmarks: ${benches.map((b) => b.name).join(', ')}` : 'No benchmarks exist yet.');
    note('Run one with: npm run bench -- <name>');
    process.exit(benches.length ? 0 : 2);
  }
  const bench = benches.find((b) => b.name === name);
  if (!bench) throw new SetupError(`No benchmark "${name}". Known: ${benches.map((b) => b.name).join(', ') || 'none yet'}.`);
  await setup();
  step(`Benchmark ${name} (${bench.workspace})`);
  process.exit(await run('pnpm', ['--filter', bench.workspace, 'run', '--silent', bench.script, ...process.argv.slice(3)]));
} catch (error) {
  fail(error);
}
