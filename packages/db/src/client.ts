import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export interface DatabaseOptions {
  databaseUrl: string;
  /** Connections in this process's pool; keep pool size × replicas under max_connections. */
  poolSize?: number;
  /** The pg pool waits forever for a free connection unless this is set (FIELD-NOTES). */
  connectTimeoutMs?: number;
}

/** A Prisma client over the pg driver adapter: no query engine binary, works offline. */
export function createPrismaClient({ databaseUrl, poolSize = 10, connectTimeoutMs = 5_000 }: DatabaseOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: connectTimeoutMs });
  return new PrismaClient({ adapter });
}

/** Builds the client from a service's validated configuration (see databaseEnvSchema). */
export function createPrismaClientFromConfig(config: {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_CONNECT_TIMEOUT_MS: number;
}): PrismaClient {
  return createPrismaClient({
    databaseUrl: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
}
