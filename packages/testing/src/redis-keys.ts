import { randomUUID } from 'node:crypto';

/** The Redis the tests use (its own database number), never the app's. */
export const testRedisUrl = (): string => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

/** A key prefix no other suite or run shares: `test:<label>:<random>:`. */
export const uniqueKeyPrefix = (label: string): string => `test:${label}:${randomUUID().slice(0, 8)}:`;

/** The part of an ioredis client `deleteKeys` needs. Give it a client without a keyPrefix: ioredis would add it to the keys SCAN returns. */
export interface RawRedis {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}

/** Deletes every key under `prefix`, in SCAN batches. */
export async function deleteKeys(redis: RawRedis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = (await redis.call('SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '500')) as [string, string[]];
    if (keys.length > 0) await redis.call('DEL', ...keys);
    cursor = next;
  } while (cursor !== '0');
}
