import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { withDatabaseName } from './migrations/ensure-database';

/**
 * Test support: a fresh, migrated database per test suite on the machine's PostgreSQL
 * (TEST_DATABASE_URL), cloned from a template that is migrated once per migration set.
 * Import it as `@jobping/db/testing`; never from production code.
 */

const serverUrl = () => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const prismaDir = path.resolve(__dirname, '../../../prisma');
const cli = path.resolve(__dirname, '../dist/cli.js');

function migrationsFingerprint(): string {
  const dir = path.join(prismaDir, 'migrations');
  const hash = createHash('sha256');
  for (const folder of readdirSync(dir).sort()) {
    if (folder.endsWith('.toml')) continue;
    hash.update(folder).update(readFileSync(path.join(dir, folder, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 12);
}

async function withMaintenanceClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabaseName(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Clones the template of the current migration set into `name`, migrating the template first
 * when it is missing. All under one advisory lock: Jest workers and packages test in parallel
 * (one of them migrates), and a checkout with other migrations drops templates it considers
 * stale, which must not happen between our check and our clone.
 */
async function cloneTemplate(client: Client, name: string): Promise<void> {
  const template = `jobping_test_template_${migrationsFingerprint()}`;
  await client.query("SELECT pg_advisory_lock(hashtext('jobping_test_template'))");
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) {
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      await promisify(execFile)(process.execPath, [cli, 'migrate'], {
        env: { ...process.env, DATABASE_URL: withDatabaseName(serverUrl(), building), LOG_LEVEL: 'warn' },
      });
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      // Templates of older migration sets are of no further use.
      const stale = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'jobping\\_test\\_template\\_%' AND datname <> $1",
        [template],
      );
      for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('jobping_test_template'))");
  }
}

export interface TestDatabase {
  /** DATABASE_URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

/** Creates `jobping_test_<label>_<random>` with every migration applied. Call `drop()` in afterAll. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 20);
  const name = `jobping_test_${safeLabel}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  await withMaintenanceClient((client) => cloneTemplate(client, name));
  return {
    url: withDatabaseName(serverUrl(), name),
    drop: () => withMaintenanceClient(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
