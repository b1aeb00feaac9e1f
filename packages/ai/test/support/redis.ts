import { createRedis, type Redis } from '@jobping/redis';
import { randomUUID } from 'node:crypto';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

/** A connection whose keys all live under a prefix unique to one test file. */
export function testRedis(prefix = `test:${randomUUID()}:`): { redis: Redis; prefix: string; connect: () => Redis; cleanup: () => Promise<void> } {
  const clients: Redis[] = [];
  const connect = () => {
    const client = createRedis(TEST_REDIS_URL, { connectionName: 'ai-test', keyPrefix: prefix });
    clients.push(client);
    return client;
  };
  const redis = connect();
  const cleanup = async () => {
    const plain = createRedis(TEST_REDIS_URL, { connectionName: 'ai-test-cleanup' });
    let cursor = '0';
    do {
      const [next, keys] = await plain.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await plain.del(...keys);
    } while (cursor !== '0');
    await plain.quit();
    await Promise.all(clients.map((client) => client.quit()));
  };
  return { redis, prefix, connect, cleanup };
}
