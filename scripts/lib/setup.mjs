import { loadEnvironment, redact } from './env.mjs';
import { ensureSystemTools } from './system-tools.mjs';
import { ensureService } from './infra.mjs';
import { ok, step, SetupError } from './out.mjs';
import { ensurePnpm, installDependencies } from './pnpm.mjs';
import { run } from './run.mjs';

const MIN_NODE = [20, 19];

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new SetupError(`JobPing needs Node.js ${MIN_NODE.join('.')} or newer; this is ${process.version}. Install a current LTS from https://nodejs.org and run this again.`);
  }
  ok(`Node.js ${process.version}`);
}

async function pnpm(args, what) {
  const code = await run('pnpm', args);
  if (code !== 0) throw new SetupError(`${what} failed (see above).`);
}

/**
 * The shared set-up of `npm start` and `npm test`: tools, dependencies, PostgreSQL and
 * Redis, a build, migrations and the demo data. Every step is idempotent.
 */
export async function setup() {
  const env = loadEnvironment();
  step('Checking tools');
  checkNode();
  await ensurePnpm();
  await installDependencies();
  await ensureSystemTools();

  step('Checking PostgreSQL and Redis');
  await ensureService('postgres', env.DATABASE_URL);
  await ensureService('redis', env.REDIS_URL);

  step('Building packages and apps (turbo run build)');
  await pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], 'The build');
  ok('built');

  step(`Migrating ${redact(env.DATABASE_URL)}`);
  await pnpm(['--filter', '@jobping/db', 'run', '--silent', 'db:migrate'], 'Migrating the database');

  step('Seeding the demo data');
  await pnpm(['--filter', '@jobping/db', 'run', '--silent', 'db:seed'], 'Seeding the demo data');
  return env;
}
