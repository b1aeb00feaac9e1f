// `npm start`: set everything up (idempotent), then run every app that exists.
import { redact } from './lib/env.mjs';
import { fail, note, ok, step } from './lib/out.mjs';
import { run } from './lib/run.mjs';
import { setup } from './lib/setup.mjs';
import { listWorkspaces } from './lib/workspace.mjs';

try {
  const env = await setup();
  // The demo's scraper reads the fixture board shipped with it, so the demo fills up without
  // network. Fixture sources read local files and any URL: on here, for the demo, and
  // nowhere by default (docker compose and Kubernetes run NODE_ENV=production, which refuses them).
  if (!env.SCRAPE_FIXTURE_SOURCES && env.NODE_ENV !== 'production') env.SCRAPE_FIXTURE_SOURCES = 'true';
  const apps = listWorkspaces().filter((w) => w.group === 'apps' && w.manifest.scripts?.start);

  step('Ready');
  ok(`PostgreSQL  ${redact(env.DATABASE_URL)} (migrated, demo data seeded)`);
  ok(`Redis       ${redact(env.REDIS_URL)}`);
  ok(`Demo login  demo@jobping.local / ${env.DEMO_USER_PASSWORD ? '(DEMO_USER_PASSWORD)' : 'jobping-demo'}`);
  for (const app of apps) {
    const where = app.manifest.jobping?.url ? ` → ${app.manifest.jobping.url}` : '';
    ok(`${app.manifest.name.padEnd(28)}${where}`);
  }
  if (apps.length === 0) {
    note('No apps exist yet: the infrastructure is up, migrated and seeded. Apps join as they are built.');
    process.exit(0);
  }

  if (apps.some((a) => a.manifest.name === '@jobping/company-researcher')) {
    step('Queueing the demo jobs for the pipeline (enqueue:new)');
    await run('pnpm', ['--filter', '@jobping/company-researcher', 'run', '--silent', 'enqueue:new']);
  }
  step(`Starting ${apps.length} app(s) with turbo (Ctrl-C stops them)`);
  const code = await run('pnpm', ['exec', 'turbo', 'run', 'start', '--filter=./apps/*', `--concurrency=${apps.length + 1}`]);
  process.exit(code);
} catch (error) {
  fail(error);
}
