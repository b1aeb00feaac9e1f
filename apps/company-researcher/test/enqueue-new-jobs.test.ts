import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeEntry, fromFieldList } from '@jobping/contracts';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { streamKeys } from '@jobping/streams';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
const prefix = `test:enqueue:${randomUUID().slice(0, 8)}:`;
let db: TestDatabase;
let prisma: PrismaClient;
let redis: Redis;

beforeAll(async () => {
  db = await createTestDatabase('enqueue');
  prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
  redis = createRedis(redisUrl, { connectionName: 'enqueue-test' });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await prisma?.$disconnect();
  await db?.drop();
});

describe('enqueue-new-jobs (the built command)', () => {
  it('publishes one job-analysis message per job whose status is new', async () => {
    const company = await prisma.company.create({ data: { name: 'Ledgerly', normalizedName: 'ledgerly' } });
    const job = (status: 'new' | 'fanned_out') =>
      prisma.job.create({
        data: { source: 'lever', sourceId: randomUUID(), url: 'https://jobs.example/1', dedupeKey: randomUUID(), title: 'Engineer', companyId: company.id, companyName: 'Ledgerly', description: 'x', status },
      });
    const fresh = [await job('new'), await job('new'), await job('new')];
    await job('fanned_out');

    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.resolve(__dirname, '../dist/enqueue-new-jobs.js')], {
      env: { ...process.env, DATABASE_URL: db.url, REDIS_URL: redisUrl, STREAM_KEY_PREFIX: prefix, ENQUEUE_PAGE_SIZE: '2', NODE_ENV: 'production' },
    });
    expect(`${stdout}${stderr}`).toContain('published 3 new job(s) to job-analysis');

    const entries = (await redis.xrange(streamKeys('job-analysis', prefix).stream, '-', '+')) as [string, string[]][];
    const published = entries.map(([, fields]) => decodeEntry('job-analysis', fromFieldList(fields)).message.job_id);
    expect(published.sort()).toEqual(fresh.map((j) => j.id).sort());
  });
});
