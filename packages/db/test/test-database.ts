import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/** Server the tests create their own databases on; never the app's database. */
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function newTestDatabaseUrl(label: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/jobping_test_${label}_${randomUUID().slice(0, 8)}`;
  return url.toString();
}

export async function query<T = Record<string, unknown>>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  await query(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export async function listDatabases(prefix: string): Promise<string[]> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const rows = await query<{ datname: string }>(admin.toString(), 'SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
  return rows.map((row) => row.datname);
}

const cli = path.resolve(__dirname, '../dist/cli.js');

export interface CliResult {
  code: number;
  output: string;
}

/** Runs the built db CLI (`pnpm jobping db …`, `node dist/cli.js` in the image) as a user would. */
export async function runDbCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      timeout: 120_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
