import { backoffDelay, type BackoffOptions } from '@jobping/backoff';
import { Redis, type RedisOptions } from 'ioredis';

export type { Redis, RedisOptions };

/** Waits between reconnects to Redis, and between re-reads after a failed stream read (backoffDelay: attempt 1 waits 100–200 ms, doubling up to 5 s). */
export const reconnectBackoff: BackoffOptions = { baseMs: 100, maxMs: 5_000 };

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
 * connection is noticed (blocking calls can hang after a reconnect: ioredis #610, #1285), capped
 * exponential reconnects with jitter (replicas that lost Redis together do not all reconnect
 * in the same millisecond), and RESP2 so stream replies have the shapes the code expects.
 */
export function createRedis(url: string, options: CreateRedisOptions): Redis {
  return new Redis(url, {
    connectionName: options.connectionName,
    protocol: 2,
    keepAlive: 10_000,
    connectTimeout: 10_000,
    maxRetriesPerRequest: options.blocking ? null : 3,
    // ioredis counts reconnect attempts from 1: the first waits up to 200 ms.
    retryStrategy: (attempt) => backoffDelay(attempt, reconnectBackoff),
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    ...options.overrides,
  });
}
