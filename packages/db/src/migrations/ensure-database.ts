import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database: add one, e.g. postgresql://postgres@127.0.0.1:5432/jobping');
  return name;
}

export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

// Identifiers cannot be bound as parameters; doubling quotes is PostgreSQL's own escaping.
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function connectToMaintenanceDb(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: withDatabaseName(databaseUrl, 'postgres'), connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}

/**
 * Runs `fn` with the URL of a new, empty database on the same server and drops it after.
 * The schema engine replays migrations into the database it is connected to when it diffs
 * from a migrations folder, so it must never be pointed at a real one for that.
 */
export async function withScratchDatabase<T>(databaseUrl: string, fn: (scratchUrl: string) => Promise<T>): Promise<T> {
  const name = `jobping_scratch_${randomUUID().replace(/-/g, '')}`;
  const admin = await connectToMaintenanceDb(databaseUrl);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    try {
      return await fn(withDatabaseName(databaseUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Creates the database named in `databaseUrl` when it does not exist yet, so migrating a
 * fresh server needs no manual `createdb` (as `prisma migrate deploy` does too).
 * Returns true when it created it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  const client = await connectToMaintenanceDb(databaseUrl);
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    // Identifiers cannot be bound as parameters; quoting with doubled quotes is PostgreSQL's own escaping.
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (error) {
    // Another process created it between the check and CREATE (42P04 duplicate_database).
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}
