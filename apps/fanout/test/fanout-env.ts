import { randomUUID } from 'node:crypto';
import { jobTextFacts, normalizeKeyword, yearlyTopPay, type UserAnalysisMessage } from '@jobping/contracts';
import { createDatabase, type Database, type Prisma, type PrismaClient } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { redisFanoutProgress, type FanoutProgress } from '../src/fanout-progress';
import { FanoutService } from '../src/fanout-service';

export interface FanoutEnv {
  prisma: PrismaClient;
  database: Database;
  redis: Redis;
  progress: FanoutProgress;
  /** The one company the tests' jobs belong to (key `ledgerly`). */
  companyId: string;
  close(): Promise<void>;
}

/** A database and a Redis key prefix of the test file's own, and one company to post jobs under. */
export async function startFanoutEnv(name: string): Promise<FanoutEnv> {
  const db: TestDatabase = await createTestDatabase(name);
  const database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  const prefix = `test:${name}:${randomUUID().slice(0, 8)}:`;
  const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15', { connectionName: `${name}-test` });
  const progress = redisFanoutProgress(redis, { keyPrefix: prefix, ttlSeconds: 600 });
  const companyId = (await database.prisma.company.create({ data: { name: 'Ledgerly', normalizedName: 'ledgerly' } })).id;
  return {
    prisma: database.prisma,
    database,
    redis,
    progress,
    companyId,
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await database.close();
      await db.drop();
    },
  };
}

/** The users who got a user-analysis message for the job: the only pairs the matcher will ever score. */
export async function fanOut(env: FanoutEnv, jobId: string, logger: Logger, { decisionLog = true, pageSize = 1_000 } = {}): Promise<Set<string>> {
  const published: UserAnalysisMessage[] = [];
  const service = new FanoutService({
    prisma: env.prisma,
    pool: env.database.pool,
    publishMany: async (messages) => {
      published.push(...messages);
      return messages.length;
    },
    progress: env.progress,
    logger,
    pageSize,
    decisionLog,
  });
  await service.handle(jobId);
  return new Set(published.map((m) => m.user_id));
}

export interface JobSpec {
  title?: string;
  description?: string;
  salary?: [number | null, number | null];
  workArrangement?: string;
  remoteRegion?: string | null;
  location?: string | null;
  employmentType?: string | null;
  /** Default: what the text says (jobTextFacts), as the scraper stores it. */
  requiredLanguages?: string[];
}

/** A new job of the env's company with the facts the scraper would store for it. */
export async function insertJob(env: FanoutEnv, spec: JobSpec = {}): Promise<string> {
  const title = spec.title ?? 'Backend Engineer';
  const description = spec.description ?? 'You will build our payments API in TypeScript.';
  const salary = { salaryMin: spec.salary?.[0] ?? null, salaryMax: spec.salary?.[1] ?? null, salaryPeriod: spec.salary ? 'year' : null };
  const facts = jobTextFacts({ title, description });
  const arrangement = spec.workArrangement ?? 'unknown';
  const row = await env.prisma.job.create({
    data: {
      source: 'greenhouse',
      sourceId: randomUUID(),
      url: 'https://jobs.example/1',
      dedupeKey: randomUUID(),
      title,
      description,
      companyId: env.companyId,
      companyName: 'Ledgerly',
      location: spec.location ?? null,
      workArrangement: arrangement,
      remote: arrangement === 'remote',
      remoteRegion: spec.remoteRegion ?? null,
      employmentType: spec.employmentType ?? null,
      ...salary,
      salaryCurrency: spec.salary ? 'USD' : null,
      salaryTopYearly: yearlyTopPay(salary),
      seniority: facts.seniority,
      seniorityYears: facts.seniorityYears,
      visaSponsorship: facts.visaSponsorship,
      requiredLanguages: spec.requiredLanguages ?? facts.languages,
    },
  });
  return row.id;
}

/** A user with a prompt and these must-haves, stored as auth-api stores them (keywords and regions normalised). */
export async function insertUser(env: FanoutEnv, fields: Partial<Prisma.UserCreateInput> = {}): Promise<string> {
  const row = await env.prisma.user.create({
    data: {
      email: `${randomUUID()}@jobping.test`,
      passwordHash: 'x',
      aiPrompt: 'backend engineer',
      ...fields,
      excludedKeywords: ((fields.excludedKeywords as string[] | undefined) ?? []).map(normalizeKeyword),
      remoteRegions: ((fields.remoteRegions as string[] | undefined) ?? []).map(normalizeKeyword),
    },
  });
  return row.id;
}
