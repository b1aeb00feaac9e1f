// Must-haves cost no LLM call (issue 20): fan-out, matcher and notifier as processes (built
// code), the matcher scoring through an OpenAI-compatible server on loopback that counts the
// requests per job. A user who needs visa sponsorship and at least $100k: the "$70–90k" and the
// "unable to sponsor" jobs reach no LLM; a job without a stated salary follows their setting.
// jobs-api runs too: its decision endpoint explains every pair of the test (the decision log).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jobTextFacts, yearlyTopPay } from '@jobping/contracts';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { freePort } from '@jobping/edge/testing';
import { jwtSettingsFromConfig, signAccessToken } from '@jobping/http-kit';
import { createRedis, type Redis } from '@jobping/redis';
import { createPublisher, streamsStatus, type Publisher } from '@jobping/streams';
import { deleteKeys, sendJson, startLoopback, testRedisUrl, uniqueKeyPrefix, waitFor, type LoopbackServer } from '@jobping/testing';
import { streamsIdle } from '../src/idle';
import { spawnWorker, type StageApp, type WorkerProcess } from '../src/workers';
import { chatCompletion, openAiTestEnv, stageTestEnv } from './support/stage-env';

const redisUrl = testRedisUrl();
const prefix = uniqueKeyPrefix('must_haves');

let db: TestDatabase;
let prisma: PrismaClient;
let redis: Redis;
let publisher: Publisher;
let llm: LoopbackServer;
/** The text of every chat-completions request the LLM server received. */
const llmRequests: string[] = [];
const workers: WorkerProcess[] = [];
/** In each job's code: tells this run's LLM requests per job apart (callsFor). */
const run = Math.random().toString(36).slice(2, 8);
const jwt = jwtSettingsFromConfig({ JWT_SECRET: randomBytes(32).toString('base64'), JWT_ISSUER: 'jobping-auth', JWT_AUDIENCE: 'jobping-api' });
let jobsApiUrl: string;

const answer = {
  score: 82,
  analysis: {
    explanation: 'A backend role in TypeScript that fits the description.',
    pros: ['Backend work in TypeScript'],
    cons: ['Unknown team size'],
    recommendation: 'apply',
  },
};

beforeAll(async () => {
  db = await createTestDatabase('must_haves_e2e');
  prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 4 });
  redis = createRedis(redisUrl, { connectionName: 'must-haves-e2e' });
  publisher = createPublisher({ redis, keyPrefix: prefix });
  llm = await startLoopback(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    llmRequests.push(Buffer.concat(chunks).toString('utf8'));
    sendJson(res, 200, chatCompletion(`chatcmpl-${llmRequests.length}`, answer));
  });
  const env = { ...stageTestEnv({ databaseUrl: db.url, redisUrl, prefix }), ...openAiTestEnv(llm.url) };
  for (const app of ['fanout', 'matcher', 'notifier'] as StageApp[]) workers.push(spawnWorker(app, env));
  const jobsPort = await freePort();
  jobsApiUrl = `http://127.0.0.1:${jobsPort}`;
  workers.push(
    spawnWorker('jobs-api', { ...env, JOBS_API_PORT: String(jobsPort), JWT_SECRET: jwt.secret, REDIS_KEY_PREFIX: prefix, BULLMQ_PREFIX: `${prefix}bull` }),
  );
}, 120_000);

/** GET /api/users/me/decisions as the user (a token signed with jobs-api's secret). */
async function decision(userId: string, jobId: string): Promise<{ stage: string; reason: string; score: number | null; explanation: string }> {
  const res = await fetch(`${jobsApiUrl}/api/users/me/decisions?job_id=${jobId}`, {
    headers: { Authorization: `Bearer ${signAccessToken(jwt, { id: userId, roles: ['user'] }).token}` },
  });
  if (res.status !== 200) throw new Error(`decisions answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { stage: string; reason: string; score: number | null; explanation: string };
}

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(5_000)));
  await llm?.close();
  await deleteKeys(redis, prefix);
  await redis.quit();
  await prisma?.$disconnect();
  await db?.drop();
}, 120_000);

/** A researched job whose description carries `code`, so each LLM request names its job. */
async function job(code: string, description: string, salary: [number, number] | null): Promise<string> {
  const company = await prisma.company.upsert({
    where: { normalizedName: 'ledgerly' },
    create: { name: 'Ledgerly', normalizedName: 'ledgerly' },
    update: {},
    select: { id: true },
  });
  const title = 'Backend Engineer (TypeScript)';
  const text = `${description} Posting reference ${code}-${run}.`;
  const pay = { salaryMin: salary?.[0] ?? null, salaryMax: salary?.[1] ?? null, salaryPeriod: salary ? 'year' : null };
  const facts = jobTextFacts({ title, description: text });
  const row = await prisma.job.create({
    data: {
      source: 'greenhouse',
      sourceId: code,
      url: `https://boards.example/ledgerly/${code}`,
      dedupeKey: code,
      title,
      description: text,
      companyId: company.id,
      companyName: 'Ledgerly',
      workArrangement: 'remote',
      remote: true,
      ...pay,
      salaryCurrency: salary ? 'USD' : null,
      salaryTopYearly: yearlyTopPay(pay),
      seniority: facts.seniority,
      seniorityYears: facts.seniorityYears,
      visaSponsorship: facts.visaSponsorship,
      status: 'researched',
    },
    select: { id: true },
  });
  return row.id;
}

describe('must-haves, end to end', () => {
  it('a job failing a must-have gets no LLM call; a job without stated pay follows the keep setting', async () => {
    // Two prompts: the AI cache would answer a second user with the same prompt without a call.
    const base = { passwordHash: 'x', aiPromptUpdatedAt: new Date(Date.now() - 60_000), needsVisaSponsorship: true, minSalary: 100_000 };
    const keeps = (await prisma.user.create({ data: { ...base, email: 'keeps@jobping.test', aiPrompt: `Backend engineer, TypeScript and Node.js, remote (${run}).` } })).id;
    const strict = (await prisma.user.create({ data: { ...base, email: 'strict@jobping.test', aiPrompt: `Node.js backend developer with TypeScript, fully remote (${run}).`, keepUnstatedSalary: false } })).id;

    const jobs = {
      underpaid: await job('JP-UNDERPAID', 'Build our payments API in TypeScript and Node.js. Pay: $70–90k. Visa sponsorship is available.', [70_000, 90_000]),
      noSponsor: await job('JP-NOSPONSOR', 'Build our payments API in TypeScript and Node.js. We are unable to sponsor visas for this position.', [120_000, 150_000]),
      unstated: await job('JP-UNSTATED', 'Build our payments API in TypeScript and Node.js. Visa sponsorship is available.', null),
      good: await job('JP-GOOD', 'Build our payments API in TypeScript and Node.js. Visa sponsorship is available.', [110_000, 140_000]),
    };
    // Every worker has its consumer group before anything is published.
    await waitFor('the workers to start', async () => {
      const status = await streamsStatus(redis, prefix);
      return ['user-fanout', 'user-analysis', 'notification'].every((name) => (status.find((s) => s.stream === name)?.groups.length ?? 0) > 0);
    }, { timeoutMs: 60_000, intervalMs: 200 });
    await publisher.publishMany('user-fanout', Object.values(jobs).map((id) => ({ job_id: id })));

    let quiet = 0;
    try {
      await waitFor(
        'the pipeline to settle',
        async () => {
          // The three pairs that pass are stored by the matcher (scored), the rest never reach it.
          const done =
            (await prisma.job.count({ where: { status: { not: 'fanned_out' } } })) === 0 && (await prisma.userJobMatch.count()) >= 3;
          quiet = done && (await streamsIdle(redis, prefix)) ? quiet + 1 : 0;
          return quiet >= 3;
        },
        { timeoutMs: 120_000, intervalMs: 200 },
      );
    } catch (error) {
      for (const worker of workers) process.stderr.write(`--- ${worker.app}\n${worker.output().slice(-4_000)}\n`);
      throw error;
    }

    const callsFor = (code: string) => llmRequests.filter((body) => body.includes(`${code}-${run}`)).length;
    expect(callsFor('JP-UNDERPAID')).toBe(0);
    expect(callsFor('JP-NOSPONSOR')).toBe(0);
    // One scoring per user who passed (the pre-filter keeps these on-topic pairs for the LLM).
    expect(callsFor('JP-GOOD')).toBe(2);
    expect(callsFor('JP-UNSTATED')).toBe(1);

    const pairs = await prisma.userJobMatch.findMany({ select: { userId: true, jobId: true } });
    const pairSet = new Set(pairs.map((p) => `${p.userId}:${p.jobId}`));
    expect(pairSet).toEqual(new Set([`${keeps}:${jobs.good}`, `${strict}:${jobs.good}`, `${keeps}:${jobs.unstated}`]));

    // "Why (not)?" for every pair: fan-out's reason for the ones left out, the notifier's for the rest.
    await waitFor('jobs-api to answer', async () => (await fetch(`${jobsApiUrl}/readyz`).catch(() => null))?.ok === true, { timeoutMs: 60_000, intervalMs: 250 });
    const underpaid = 'Left out: pays at most 90,000 a year; your minimum is 100,000.';
    const noSponsor = 'Left out: says it cannot sponsor a visa; you need sponsorship.';
    const notified = { stage: 'notifier', reason: 'notified', score: 82, explanation: 'Scored 82, at or above your threshold of 70: you were alerted.' };
    for (const user of [keeps, strict]) {
      expect(await decision(user, jobs.underpaid)).toMatchObject({ stage: 'fanout', reason: 'salary_below_min', score: null, explanation: underpaid });
      expect(await decision(user, jobs.noSponsor)).toMatchObject({ stage: 'fanout', reason: 'visa_not_offered', score: null, explanation: noSponsor });
      expect(await decision(user, jobs.good)).toMatchObject(notified);
    }
    expect(await decision(keeps, jobs.unstated)).toMatchObject(notified);
    expect(await decision(strict, jobs.unstated)).toMatchObject({
      stage: 'fanout',
      reason: 'salary_unstated',
      explanation: 'Left out: states no salary; your minimum is 100,000 and you chose to leave out jobs without one.',
    });
  }, 180_000);
});
