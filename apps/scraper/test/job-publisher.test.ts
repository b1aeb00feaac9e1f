import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRedis, type Redis } from '@jobping/redis';
import { streamKeys } from '@jobping/streams';
import { createJobPublisher } from '../src/services/job-publisher';
import { testRedisUrl } from './helpers';

let redis: Redis;
const keyPrefix = `test:job-publisher:${randomUUID().slice(0, 8)}:`;

beforeAll(() => {
  redis = createRedis(testRedisUrl(), { connectionName: 'scraper-job-publisher-test' });
});

afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
});

describe('the job-analysis hand-off', () => {
  it('publishes each job once and keeps job-analysis near its safety cap (MAXLEN ~)', async () => {
    const publisher = createJobPublisher({ redis, keyPrefix, maxLen: 100 });
    const jobIds = Array.from({ length: 300 }, () => randomUUID());
    expect(await publisher.publishNewJobs(jobIds)).toBe(300);
    expect(await publisher.publishNewJobs(jobIds.slice(0, 10))).toBe(0);
    // Whole macro nodes of 100 entries are trimmed: at most one node above the cap remains.
    const length = Number(await redis.call('XLEN', streamKeys('job-analysis', keyPrefix).stream));
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThanOrEqual(200);
  });
});
