import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createRedis, type Redis } from './index';

const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
const clients: Redis[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.quit()));
});

describe('createRedis', () => {
  it('connects with its name and prefixes every key', async () => {
    const prefix = `test:${randomUUID()}:`;
    const client = createRedis(url, { connectionName: 'redis-test', keyPrefix: prefix });
    const plain = createRedis(url, { connectionName: 'redis-test-plain' });
    clients.push(client, plain);
    await client.set('greeting', 'hello', 'EX', 30);
    expect(await plain.get(`${prefix}greeting`)).toBe('hello');
    expect(await client.client('GETNAME')).toBe('redis-test');
    await plain.del(`${prefix}greeting`);
  });

  it('returns stream replies in the RESP2 shapes (arrays of [id, fields])', async () => {
    const client = createRedis(url, { connectionName: 'redis-test', keyPrefix: `test:${randomUUID()}:` });
    clients.push(client);
    await client.xadd('s', '*', 'a', '1');
    const entries = await client.xrange('s', '-', '+');
    expect(entries).toEqual([[expect.stringMatching(/^\d+-\d+$/), ['a', '1']]]);
    await client.del('s');
  });
});
