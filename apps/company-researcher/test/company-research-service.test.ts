import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiOutputError, LocalProvider, type CompanyResearchInput } from '@jobping/ai';
import { sourceTrust } from '@jobping/contracts';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { demoPostings } from '@jobping/db/demo';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createLogger } from '@jobping/logger';
import { createRedis, type Redis } from '@jobping/redis';
import type { MessageContext } from '@jobping/streams';
import { CompanyResearchService, ResearchInProgressError } from '../src/company-research-service';
import { researchHandler } from '../src/handler';
import { redisResearchClaims } from '../src/research-claim';

let db: TestDatabase;
let prisma: PrismaClient;
let redis: Redis;
const prefix = `test:researcher:${randomUUID().slice(0, 8)}:`;
const logger = createLogger({ service: 'researcher-test', level: 'error', nodeEnv: 'test' });
const local = new LocalProvider();

/** The real local provider, counting calls; `delayMs` makes a research take a while. */
function countingAi(delayMs = 0, fail?: Error) {
  const calls: CompanyResearchInput[] = [];
  return {
    calls,
    researchCompany: async (input: CompanyResearchInput) => {
      calls.push(input);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (fail) throw fail;
      return local.researchCompany(input);
    },
  };
}

function setup(ai: ReturnType<typeof countingAi>, options: { waitForClaimMs?: number; ttlMs?: number } = {}) {
  const published: string[] = [];
  const service = new CompanyResearchService({
    prisma,
    ai,
    claims: redisResearchClaims(redis, { keyPrefix: prefix, ttlMs: options.ttlMs ?? 30_000 }),
    publishFanout: async (jobId) => void published.push(jobId),
    logger,
    maxAgeDays: 183,
    waitForClaimMs: options.waitForClaimMs ?? 10_000,
    pollMs: 20,
  });
  return { service, published };
}

/** A company with `count` of its demo postings as new jobs. */
async function companyWithJobs(name: string, count: number) {
  const company = await prisma.company.create({ data: { name, normalizedName: `${name.toLowerCase()}-${randomUUID()}`, website: 'https://example.com' } });
  const postings = demoPostings.filter((p) => p.company === name).slice(0, count);
  const jobs = [];
  for (const { postedHoursAgo: _h, company: _c, ...posting } of postings) {
    jobs.push(await prisma.job.create({ data: { ...posting, sourceId: randomUUID(), dedupeKey: randomUUID(), companyName: name, companyId: company.id } }));
  }
  return { company, jobs };
}

const statusOf = async (id: string) => (await prisma.job.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  db = await createTestDatabase('researcher');
  prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 8 });
  redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15', { connectionName: 'researcher-test' });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await prisma?.$disconnect();
  await db?.drop();
});

describe('CompanyResearchService', () => {
  it('researches a company once when many of its jobs arrive at once, then hands every job to fan-out', async () => {
    const { company, jobs } = await companyWithJobs('Ledgerly', 6);
    const ai = countingAi(150);
    // Two "replicas" sharing the claims in Redis.
    const one = setup(ai);
    const two = setup(ai);
    const outcomes = await Promise.all(jobs.map((job, i) => (i % 2 ? one : two).service.handle(job.id)));
    expect(ai.calls).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'researched')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'fresh')).toHaveLength(jobs.length - 1);
    expect([...one.published, ...two.published].sort()).toEqual(jobs.map((j) => j.id).sort());
    for (const job of jobs) expect(await statusOf(job.id)).toBe('researched');

    const saved = await prisma.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(saved.companyInfo).toMatchObject({ summary: expect.any(String), tech_stack: expect.any(Array) });
    expect(saved).toMatchObject({ companyInfoProvider: 'local', companyInfoModel: local.model, companyInfoPromptVersion: local.promptVersions.company });
    // The research read the company's postings.
    expect(ai.calls[0]?.postings?.length).toBe(jobs.length);
  });

  it('reuses research younger than the maximum age and redoes older research', async () => {
    const { company, jobs } = await companyWithJobs('Teamquell', 2);
    const ai = countingAi();
    const { service } = setup(ai);
    expect(await service.handle(jobs[0]!.id)).toBe('researched');
    expect(await service.handle(jobs[1]!.id)).toBe('fresh');
    expect(ai.calls).toHaveLength(1);

    await prisma.company.update({ where: { id: company.id }, data: { companyInfoUpdatedAt: new Date(Date.now() - 184 * 86_400_000) } });
    expect(await service.handle(jobs[1]!.id)).toBe('researched');
    expect(ai.calls).toHaveLength(2);
    const saved = await prisma.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(Date.now() - saved.companyInfoUpdatedAt!.getTime()).toBeLessThan(60_000);
  });

  it('retries the message (retryable error) when another consumer holds the claim for too long', async () => {
    const { company, jobs } = await companyWithJobs('Goldreel', 1);
    const claims = redisResearchClaims(redis, { keyPrefix: prefix, ttlMs: 30_000 });
    const token = await claims.acquire(company.id);
    expect(token).not.toBeNull();
    const ai = countingAi();
    const { service, published } = setup(ai, { waitForClaimMs: 200 });
    await expect(service.handle(jobs[0]!.id)).rejects.toBeInstanceOf(ResearchInProgressError);
    expect(ai.calls).toHaveLength(0);
    expect(published).toHaveLength(0);
    await claims.release(company.id, token!);
    expect(await service.handle(jobs[0]!.id)).toBe('researched');
  });

  it('takes over a claim whose holder died once it expires', async () => {
    const { company, jobs } = await companyWithJobs('Voltgrid', 1);
    await redisResearchClaims(redis, { keyPrefix: prefix, ttlMs: 300 }).acquire(company.id); // never released
    const ai = countingAi();
    const { service } = setup(ai, { waitForClaimMs: 5_000 });
    expect(await service.handle(jobs[0]!.id)).toBe('researched');
  });

  it('reads the copies from trusted boards first: the company\'s own ATS board before aggregators and guest pages', async () => {
    const company = await prisma.company.create({ data: { name: 'Northwind Analytics', normalizedName: `northwind-${randomUUID()}` } });
    const job = (source: string, hoursAgo: number, description: string) =>
      prisma.job.create({
        data: {
          source,
          sourceId: randomUUID(),
          sourceTrust: sourceTrust(source),
          url: `https://${source}.example/jobs/${randomUUID()}`,
          dedupeKey: randomUUID(),
          title: `Engineer ${hoursAgo}`,
          companyName: 'Northwind Analytics',
          companyId: company.id,
          description,
          postedAt: new Date(Date.now() - hoursAgo * 3_600_000),
        },
      });
    // Newer postings on an open aggregator (anyone can post there) and a LinkedIn card…
    for (let i = 1; i <= 22; i += 1) await job('remotive', i, `Aggregator copy ${i}: apply through our partner portal.`);
    await job('linkedin', 0.5, 'Guest page card.');
    // …and an older one from the company's own board.
    const own = await job('greenhouse', 200, 'Northwind Analytics builds forecasting tools for retailers; about 120 people.');

    const ai = countingAi();
    const { service } = setup(ai);
    expect(await service.handle(own.id)).toBe('researched');
    const postings = ai.calls[0]?.postings ?? [];
    expect(postings).toHaveLength(20);
    expect(postings[0]?.description).toBe(own.description);
    expect(postings.slice(1).every((p) => p.description?.startsWith('Aggregator copy'))).toBe(true);
    // Within a tier, newest first.
    expect(postings[1]?.description).toContain('Aggregator copy 1:');
  });

  it('never moves a job backwards and ignores jobs that are gone', async () => {
    const { jobs } = await companyWithJobs('Stackwise', 1);
    await prisma.job.update({ where: { id: jobs[0]!.id }, data: { status: 'fanned_out' } });
    const { service, published } = setup(countingAi());
    await service.handle(jobs[0]!.id);
    expect(await statusOf(jobs[0]!.id)).toBe('fanned_out');
    expect(published).toEqual([jobs[0]!.id]);
    expect(await service.handle(randomUUID())).toBe('missing');
    expect(published).toHaveLength(1);
  });

  it('marks the job failed on a permanent AI error or the last delivery, and rethrows so the message is dead-lettered', async () => {
    const { jobs } = await companyWithJobs('Coinvault', 2);
    const { service } = setup(countingAi(0, new AiOutputError('company research', 'summary: missing', 2)));
    const handler = researchHandler(service, 5);
    const context = (deliveries: number) => ({ deliveries }) as MessageContext;
    await expect(handler({ job_id: jobs[0]!.id }, context(1))).rejects.toBeInstanceOf(AiOutputError);
    expect(await statusOf(jobs[0]!.id)).toBe('failed');

    const flaky = setup(countingAi(0, new Error('upstream timeout')));
    const flakyHandler = researchHandler(flaky.service, 5);
    await expect(flakyHandler({ job_id: jobs[1]!.id }, context(1))).rejects.toThrow('upstream timeout');
    expect(await statusOf(jobs[1]!.id)).toBe('researching');
    await expect(flakyHandler({ job_id: jobs[1]!.id }, context(5))).rejects.toThrow('upstream timeout');
    expect(await statusOf(jobs[1]!.id)).toBe('failed');
  });
});
