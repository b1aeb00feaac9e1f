import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, type Logger } from '@jobping/logger';
import { createRedis, type Redis } from '@jobping/redis';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from '@jobping/testing';

export const redisUrl = testRedisUrl();

export const newPrefix = (): string => uniqueKeyPrefix('streams');

export function testLogger(): Logger {
  return createLogger({ service: 'streams-test', level: process.env.TEST_LOG_LEVEL ?? 'error', format: 'json' });
}

export function redisClient(url = redisUrl): Redis {
  return createRedis(url, { connectionName: 'streams-test' });
}

/** Deletes every key under the prefix. */
export const cleanup = (redis: Redis, prefix: string): Promise<void> => deleteKeys(redis, prefix);

export async function waitFor(check: () => Promise<boolean> | boolean, { timeoutMs = 20_000, what = 'condition' } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export const jobIds = (count: number) => Array.from({ length: count }, () => randomUUID());
