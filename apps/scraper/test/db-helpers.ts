import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeEntry, fromFieldList } from '@jobping/contracts';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { streamKeys } from '@jobping/streams';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from '@jobping/testing';

export interface TestEnv {
  db: TestDatabase;
  prisma: PrismaClient;
  redis: Redis;
  /** Unique per suite: stream keys, markers and the BullMQ prefix. */
  keyPrefix: string;
  dir: string;
  close(): Promise<void>;
}

export async function createTestEnv(label: string): Promise<TestEnv> {
  const db = await createTestDatabase(label);
  const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 5 });
  const redis = createRedis(testRedisUrl(), { connectionName: `scraper-test:${label}` });
  const keyPrefix = uniqueKeyPrefix('scraper');
  const dir = mkdtempSync(path.join(os.tmpdir(), `scraper-${label}-`));
  return {
    db,
    prisma,
    redis,
    keyPrefix,
    dir,
    async close() {
      await deleteKeys(redis, keyPrefix);
      await redis.quit();
      await prisma.$disconnect();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes a Greenhouse-format board file into `<dir>/fixtures/` (the fixture source's folder when
 * `dir` is the adapter registry's root) and returns the source identifier, `fixtures/<name>`.
 */
export function writeBoard(dir: string, name: string, jobs: { id: number; title: string; company: string; location: string; hoursAgo: number; url?: string }[]): string {
  mkdirSync(path.join(dir, 'fixtures'), { recursive: true });
  const file = path.join(dir, 'fixtures', name);
  writeFileSync(
    file,
    JSON.stringify({
      jobs: jobs.map((job) => ({
        id: job.id,
        title: job.title,
        company_name: job.company,
        location: { name: job.location },
        absolute_url: job.url ?? `https://boards.example/${name}/jobs/${job.id}?utm_source=test`,
        first_published: new Date(Date.now() - job.hoursAgo * 3_600_000).toISOString(),
        content: '&lt;p&gt;A job.&lt;/p&gt;',
      })),
      meta: { total: jobs.length },
    }),
  );
  return `fixtures/${name}`;
}

/** Every job-analysis entry under the prefix, decoded with the contracts. */
export async function readJobAnalysis(redis: Redis, keyPrefix: string): Promise<{ jobId: string; traceId: string }[]> {
  const entries = (await redis.call('XRANGE', streamKeys('job-analysis', keyPrefix).stream, '-', '+')) as [string, string[]][];
  return entries.map(([, fields]) => {
    const decoded = decodeEntry('job-analysis', fromFieldList(fields));
    return { jobId: decoded.message.job_id, traceId: decoded.envelope.trace_id };
  });
}
