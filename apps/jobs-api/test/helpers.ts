import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { loadConfig } from '@jobping/config';
import { yearlyTopPay } from '@jobping/contracts';
import { ChangeFeed, createDatabase, type Job, type PgPool, type Prisma, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { jwtSettingsFromConfig, signAccessToken, type Role } from '@jobping/http-kit';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry, type MetricsRegistry } from '@jobping/metrics';
import { createRedis, type Redis } from '@jobping/redis';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from '@jobping/testing';
import request from 'supertest';
import winston from 'winston';
import { createApp } from '../src/app';
import { jobsApiEnvSchema, type JobsApiConfig } from '../src/config';
import { ScrapeQueueProducer } from '../src/services/scrape-queue-producer';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export interface TestContext {
  app: ReturnType<typeof createApp>['app'];
  openapi: Record<string, unknown>;
  config: JobsApiConfig;
  prisma: PrismaClient;
  /** The pg pool under `prisma`. */
  pool: PgPool;
  /** The app's Redis connection (with the suite's key prefix). */
  redis: Redis;
  queue: ScrapeQueueProducer;
  /** A connection without keyPrefix (stream keys carry config.STREAM_KEY_PREFIX). */
  rawRedis: Redis;
  /** BullMQ prefix of the suite's scrape queue. */
  bullPrefix: string;
  /** The app's change feed (listening once startTestApp returns). */
  changes: ChangeFeed;
  registry: MetricsRegistry;
  /** A user row plus a valid access token for it. */
  user(role?: Role): Promise<TestUser>;
  close(): Promise<void>;
}

/**
 * jobs-api on a fresh migrated database, a unique Redis key prefix (app keys, stream keys and
 * the BullMQ prefix). Call `close()` in afterAll: it drops the database and deletes the keys.
 */
export async function startTestApp(label: string, env: Record<string, string> = {}): Promise<TestContext> {
  const database: TestDatabase = await createTestDatabase(label);
  const keyPrefix = uniqueKeyPrefix('jobs-api');
  const bullPrefix = `${keyPrefix}bull`;
  const config = loadConfig(jobsApiEnvSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: randomBytes(32).toString('base64'),
    STREAM_KEY_PREFIX: `${keyPrefix}streams:`,
    BULLMQ_PREFIX: bullPrefix,
    ...env,
  });
  const { prisma, pool, close: closeDatabase } = createDatabase({ databaseUrl: database.url, poolSize: 4 });
  const redis = createRedis(testRedisUrl(), { connectionName: `jobs-api-test-${label}`, keyPrefix });
  const queueRedis = createRedis(testRedisUrl(), { connectionName: `jobs-api-test-queue-${label}`, overrides: { enableOfflineQueue: false } });
  await Promise.all([redis.ping(), new Promise<void>((resolve) => (queueRedis.status === 'ready' ? resolve() : queueRedis.once('ready', () => resolve())))]);
  const queue = new ScrapeQueueProducer(queueRedis, bullPrefix);
  await queue.queue.waitUntilReady();
  const logger = createLogger({ service: 'jobs-api-test', level: 'error', transports: [new winston.transports.Stream({ stream: new PassThrough() })] });
  const registry = createMetricsRegistry('jobs-api', { defaultMetrics: false });
  // A long sync timeout: on a loaded CI machine the default second could drop the feed mid-test.
  const changes = new ChangeFeed({ databaseUrl: database.url, reconnectDelayMs: 50, syncTimeoutMs: 30_000 });
  const { app, openapi } = createApp({ config, logger, prisma, pool, redis, streamsRedis: queueRedis, scrapeQueue: queue, registry, changes });
  changes.start();
  await waitUntil(() => changes.isLive, 'the change feed to listen');
  const jwt = jwtSettingsFromConfig(config);
  let users = 0;

  return {
    app,
    openapi,
    config,
    prisma,
    pool,
    redis,
    queue,
    rawRedis: queueRedis,
    bullPrefix,
    changes,
    registry,
    async user(role: Role = 'user') {
      users += 1;
      const email = `${role}.${users}.${Date.now().toString(36)}@example.com`;
      const row = await prisma.user.create({ data: { email, passwordHash: 'not-a-real-hash', role } });
      const roles: Role[] = role === 'admin' ? ['user', 'admin'] : ['user'];
      return { id: row.id, email, token: signAccessToken(jwt, { id: row.id, roles }).token };
    },
    async close() {
      await queue.close();
      const cleaner = createRedis(testRedisUrl(), { connectionName: 'jobs-api-test-cleanup' });
      await deleteKeys(cleaner, keyPrefix);
      await cleaner.quit();
      await Promise.all([redis.quit(), queueRedis.quit(), changes.close()]);
      await closeDatabase();
      await database.drop();
    },
  };
}

/** Polls `condition` every 10 ms for up to 5 s. */
export async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Supertest requests carrying the user's bearer token. */
export function as(ctx: TestContext, user: { token: string }) {
  const auth = (req: request.Test) => req.set('Authorization', `Bearer ${user.token}`);
  return {
    get: (path: string) => auth(request(ctx.app).get(path)),
    post: (path: string, body?: object) => {
      const req = auth(request(ctx.app).post(path));
      return body === undefined ? req : req.send(body);
    },
    patch: (path: string, body: object) => auth(request(ctx.app).patch(path)).send(body),
    delete: (path: string) => auth(request(ctx.app).delete(path)),
  };
}

/** The `path`s of a 400 validation_failed answer. */
export const invalidFields = (res: request.Response) => (res.body.error.details as { path: string }[]).map((d) => d.path);

let sequence = 0;

export interface JobInput {
  title?: string;
  company?: string;
  description?: string;
  location?: string | null;
  /** Every location (default: the one location). */
  locations?: string[];
  remote?: boolean;
  salaryMin?: number | null;
  salaryMax?: number | null;
  salaryPeriod?: string | null;
  postedAt?: Date | null;
  createdAt?: Date;
  companyInfo?: Prisma.InputJsonObject | null;
}

/** Stores a job (and its company, once per name). */
export async function createJob(prisma: PrismaClient, input: JobInput = {}): Promise<Job> {
  sequence += 1;
  const companyName = input.company ?? 'Acme';
  const normalizedName = companyName.toLowerCase();
  const company = await prisma.company.upsert({
    where: { normalizedName },
    create: { name: companyName, normalizedName, ...(input.companyInfo ? { companyInfo: input.companyInfo, companyInfoUpdatedAt: new Date() } : {}) },
    update: {},
  });
  const title = input.title ?? `Engineer ${sequence}`;
  const salary = {
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    salaryPeriod: input.salaryPeriod === undefined ? (input.salaryMin || input.salaryMax ? 'year' : null) : input.salaryPeriod,
  };
  // As the scraper stores a job: the yearly figure with the salary it derives from.
  return prisma.job.create({
    data: {
      source: 'fixture',
      sourceId: `job-${sequence}-${randomUUID()}`,
      url: `https://jobs.example.com/${sequence}`,
      dedupeKey: `${normalizedName}|${title}|${sequence}|${randomUUID()}`,
      title,
      companyId: company.id,
      companyName,
      location: input.location === undefined ? 'Berlin' : input.location,
      locations: input.locations ?? (input.location === null ? [] : [input.location ?? 'Berlin']),
      workArrangement: input.remote ? 'remote' : 'unknown',
      remote: input.remote ?? false,
      ...salary,
      salaryCurrency: input.salaryMin || input.salaryMax ? 'EUR' : null,
      salaryTopYearly: yearlyTopPay(salary),
      description: input.description ?? 'A job at a company.',
      postedAt: input.postedAt === undefined ? new Date() : input.postedAt,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

export async function createMatch(
  prisma: PrismaClient,
  userId: string,
  jobId: string,
  score: number,
  extra: { prefilterSkipped?: boolean } = {},
) {
  return prisma.userJobMatch.create({
    data: {
      userId,
      jobId,
      score,
      analysis: { summary: `score ${score}`, pros: ['remote'], cons: [] },
      provider: 'local',
      model: 'rules-v1',
      promptVersion: 'v1',
      prefilterSkipped: extra.prefilterSkipped ?? false,
      prefilterReason: extra.prefilterSkipped ? 'location' : null,
    },
  });
}

export async function createNotification(prisma: PrismaClient, userId: string, job: Job, score = 80, createdAt?: Date) {
  const match = await prisma.userJobMatch.upsert({
    where: { userId_jobId: { userId, jobId: job.id } },
    create: { userId, jobId: job.id, score, analysis: { summary: 'fits' }, provider: 'local', model: 'rules-v1', promptVersion: 'v1', notified: true },
    update: {},
  });
  return prisma.notification.create({
    data: {
      userId,
      jobId: job.id,
      matchId: match.id,
      jobTitle: job.title,
      company: job.companyName,
      jobUrl: job.url,
      matchingScore: score,
      aiAnalysis: { summary: 'fits' },
      ...(createdAt ? { createdAt } : {}),
    },
  });
}
