import { Redis, type RedisOptions } from 'ioredis';

export type { Redis, RedisOptions };

export interface CreateRedisOptions {
  /** Shown in `CLIENT LIST` and logs: which service and role holds the connection. */
  connectionName: string;
  /**
   * A connection that runs blocking commands (XREADGROUP BLOCK, BullMQ workers) must retry
   * forever instead of failing queued commands after a few reconnect attempts.
   */
  blocking?: boolean;
  /** Prefix for every key this connection touches (tests, several deployments on one Redis). */
  keyPrefix?: string;
  overrides?: RedisOptions;
}

/**
 * One place for our ioredis settings: TCP keep-alive and a connect timeout so a dead
 * connection is noticed (FIELD-NOTES: blocking calls can hang after a reconnect), capped
 * exponential reconnects, and RESP2 so stream replies have the shapes the code expects.
 */
export function createRedis(url: string, options: CreateRedisOptions): Redis {
  return new Redis(url, {
    connectionName: options.connectionName,
    protocol: 2,
    keepAlive: 10_000,
    connectTimeout: 10_000,
    maxRetriesPerRequest: options.blocking ? null : 3,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5_000),
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    ...options.overrides,
  });
}
