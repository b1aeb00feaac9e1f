import { setFlagsFromString } from 'node:v8';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';

export interface DatabaseOptions {
  databaseUrl: string;
  /** Connections in this process's pool; keep pool size × replicas under max_connections. */
  poolSize?: number;
  /** The pg pool waits forever for a free connection unless this is set (its connectionTimeoutMillis defaults to 0). */
  connectTimeoutMs?: number;
  /** Told when an idle pooled connection fails (it is already discarded), e.g. to log it. */
  onIdleClientError?: (error: Error) => void;
}

let wasmTierLimited = false;

/**
 * Prisma 7 plans queries in a large WebAssembly module. V8 compiles it twice — baseline
 * (Liftoff), then optimised (TurboFan) — and keeps both: ~40–60 MB of resident memory per
 * process. Measured here: Liftoff alone costs ~2 % more CPU per ORM query and keeps a stage
 * worker well under its memory budget. Must run before the first query compiles the module.
 */
function limitWasmCodeMemory(): void {
  if (wasmTierLimited) return;
  setFlagsFromString('--liftoff-only');
  wasmTierLimited = true;
}

/** A pg connection pool with the pool size and connect timeout every JobPing service uses. */
export function createPgPool({ databaseUrl, poolSize = 10, connectTimeoutMs = 5_000, onIdleClientError }: DatabaseOptions): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection the server closes (restart, failover, a dropped database) errors on the
  // pool; pg has already discarded it and the next query opens a new one. Without a listener
  // Node would treat the event as an uncaught exception and stop the process.
  pool.on('error', (error) => onIdleClientError?.(error));
  return pool;
}

/** A Prisma client over the pg driver adapter: no query engine binary, works offline. */
export function createPrismaClient({ databaseUrl, poolSize = 10, connectTimeoutMs = 5_000 }: DatabaseOptions): PrismaClient {
  limitWasmCodeMemory();
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: connectTimeoutMs });
  return new PrismaClient({ adapter });
}

interface DatabaseConfig {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_CONNECT_TIMEOUT_MS: number;
}

const optionsFromConfig = (config: DatabaseConfig): DatabaseOptions => ({
  databaseUrl: config.DATABASE_URL,
  poolSize: config.DATABASE_POOL_SIZE,
  connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
});

/** Builds the client from a service's validated configuration (see databaseEnvSchema). */
export function createPrismaClientFromConfig(config: DatabaseConfig): PrismaClient {
  return createPrismaClient(optionsFromConfig(config));
}

export interface Database {
  prisma: PrismaClient;
  /**
   * The pool under `prisma`, for the few hot reads that need named prepared statements
   * (Prisma plans every raw query anew). Parameterised queries only.
   */
  pool: Pool;
  /** Disconnects Prisma and ends the pool. */
  close(): Promise<void>;
}

/** A Prisma client and the pg pool it runs on, sharing one set of connections. */
export function createDatabase(options: DatabaseOptions): Database {
  limitWasmCodeMemory();
  const pool = createPgPool(options);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

export function createDatabaseFromConfig(config: DatabaseConfig, extra: Pick<DatabaseOptions, 'onIdleClientError'> = {}): Database {
  return createDatabase({ ...optionsFromConfig(config), ...extra });
}
