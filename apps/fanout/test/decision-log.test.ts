// The decision log of fan-out (docs/product.md, "Decision log"): every user fan-out leaves out
// gets one match_decisions row naming the first must-have or filter the job failed, with the two
// values compared; a user who keeps the job gets none. Rows older than the retention are pruned.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { normalizeKeyword } from '@jobping/contracts';
import type { Prisma, PrismaClient } from '@jobping/db';
import { createLogger } from '@jobping/logger';
import { pruneDecisionLog } from '../src/decision-log-pruner';
import { fanOut as fanOutJob, insertJob, insertUser, startFanoutEnv, type FanoutEnv, type JobSpec } from './fanout-env';

let env: FanoutEnv;
let prisma: PrismaClient;
const logger = createLogger({ service: 'fanout-test', level: 'error', nodeEnv: 'test' });

const fanOut = (jobId: string, options?: { decisionLog?: boolean; pageSize?: number }) => fanOutJob(env, jobId, logger, options);
const job = (spec?: JobSpec) => insertJob(env, spec);
const user = (fields?: Partial<Prisma.UserCreateInput>) => insertUser(env, fields);

/** The decision rows of a job, by user. */
async function decisions(jobId: string) {
  const rows = await prisma.matchDecision.findMany({ where: { jobId } });
  return new Map(rows.map((row) => [row.userId, { reason: row.reason, job: row.jobValue, user: row.userValue }]));
}

beforeAll(async () => {
  env = await startFanoutEnv('fanout_decision_log');
  prisma = env.prisma;
});

beforeEach(async () => {
  await prisma.user.deleteMany();
});

afterAll(async () => {
  await env?.close();
});

describe('decision log in fan-out', () => {
  it('names the must-have each left-out user failed, with the job value and the setting; a user who keeps the job gets no row', async () => {
    const cases: { fields: Partial<Prisma.UserCreateInput>; job: JobSpec; reason: string; jobValue: string | null; userValue: string | null }[] = [
      { fields: { remoteOnly: true }, job: { workArrangement: 'onsite', location: 'Austin, TX' }, reason: 'remote_only', jobValue: 'Austin, TX', userValue: null },
      { fields: { locations: ['Berlin', 'Paris'] }, job: { location: 'Austin, TX' }, reason: 'location', jobValue: 'Austin, TX', userValue: 'Berlin, Paris' },
      { fields: { workArrangements: ['remote'] }, job: { workArrangement: 'onsite', location: 'Austin' }, reason: 'work_arrangement', jobValue: 'onsite in Austin', userValue: 'remote' },
      { fields: { remoteRegions: ['Europe'] }, job: { workArrangement: 'remote', remoteRegion: 'US only' }, reason: 'remote_region', jobValue: 'US only', userValue: 'europe' },
      { fields: { minSalary: 100_000 }, job: { salary: [70_000, 90_000] }, reason: 'salary_below_min', jobValue: '90000', userValue: '100000' },
      { fields: { minSalary: 100_000, keepUnstatedSalary: false }, job: {}, reason: 'salary_unstated', jobValue: null, userValue: '100000' },
      { fields: { needsVisaSponsorship: true }, job: { description: 'We are unable to sponsor visas for this position.' }, reason: 'visa_not_offered', jobValue: 'not_offered', userValue: null },
      { fields: { needsVisaSponsorship: true, keepUnknownSponsorship: false }, job: {}, reason: 'visa_unknown', jobValue: 'unknown', userValue: null },
      { fields: { languages: ['en'] }, job: { requiredLanguages: ['de', 'en'] }, reason: 'language', jobValue: 'de, en', userValue: 'en' },
      { fields: { seniorityMin: 'mid', seniorityMax: 'senior' }, job: { title: 'Staff Backend Engineer' }, reason: 'seniority', jobValue: 'staff', userValue: 'mid–senior' },
      { fields: { employmentTypes: ['full_time'] }, job: { employmentType: 'contract' }, reason: 'employment_type', jobValue: 'contract', userValue: 'full_time' },
      { fields: { excludedKeywords: ['Kafka', 'PHP'] }, job: { description: 'Streams with Kafka.' }, reason: 'excluded_keyword', jobValue: null, userValue: 'kafka' },
      { fields: { excludedCompanies: ['Ledgerly'], excludedCompanyKeys: ['ledgerly'] }, job: {}, reason: 'excluded_company', jobValue: 'Ledgerly', userValue: null },
    ];
    for (const c of cases) {
      await prisma.user.deleteMany();
      const left = await user(c.fields);
      const keeps = await user();
      const jobId = await job(c.job);
      expect(await fanOut(jobId)).toEqual(new Set([keeps]));
      expect(Object.fromEntries(await decisions(jobId))).toEqual({ [left]: { reason: c.reason, job: c.jobValue, user: c.userValue } });
    }
  });

  it('mutes: a muted company or keyword is named as such', async () => {
    const mutesCompany = await user();
    const mutesKeyword = await user();
    const anyone = await user();
    await prisma.userMute.create({ data: { userId: mutesCompany, kind: 'company', value: 'Ledgerly GmbH', key: 'ledgerly' } });
    await prisma.userMute.create({ data: { userId: mutesKeyword, kind: 'keyword', value: 'Kafka', key: normalizeKeyword('Kafka') } });
    const jobId = await job({ description: 'Streams with Kafka.' });
    expect(await fanOut(jobId)).toEqual(new Set([anyone]));
    expect(Object.fromEntries(await decisions(jobId))).toEqual({
      [mutesCompany]: { reason: 'muted_company', job: 'Ledgerly', user: null },
      [mutesKeyword]: { reason: 'muted_keyword', job: null, user: 'Kafka' },
    });
  });

  it('the first failed check is named when several fail', async () => {
    const both = await user({ minSalary: 200_000, employmentTypes: ['full_time'] });
    const jobId = await job({ salary: [70_000, 90_000], employmentType: 'contract' });
    await fanOut(jobId);
    expect((await decisions(jobId)).get(both)?.reason).toBe('salary_below_min');
  });

  it('publishes to the same users with the log on or off, across pages where every user is left out', async () => {
    const kept: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      // Runs of left-out users longer than a page: the resume point must move past them.
      const left = i % 4 !== 3;
      const id = await user(left ? { minSalary: 500_000 } : {});
      if (!left) kept.push(id);
    }
    await user({ aiPrompt: null });
    const on = await job({ salary: [70_000, 90_000] });
    const off = await job({ salary: [70_000, 90_000] });
    expect(await fanOut(on, { pageSize: 2 })).toEqual(new Set(kept));
    expect(await fanOut(off, { pageSize: 2, decisionLog: false })).toEqual(new Set(kept));
    expect((await decisions(on)).size).toBe(9);
    expect((await decisions(off)).size).toBe(0);
  });

  it('a redelivered fan-out (interrupted before it finished) keeps one row per pair', async () => {
    const left = await user({ minSalary: 500_000 });
    const jobId = await job({ salary: [70_000, 90_000] });
    await fanOut(jobId);
    await prisma.job.update({ where: { id: jobId }, data: { status: 'new' } });
    await fanOut(jobId);
    expect([...(await decisions(jobId)).keys()]).toEqual([left]);
  });

  it('pruning deletes rows older than the retention, in batches, and keeps the rest', async () => {
    const someone = await user();
    const old = Array.from({ length: 25 }, () => randomUUID());
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    await prisma.matchDecision.createMany({
      data: [
        ...old.map((jobId) => ({ userId: someone, jobId, reason: 'location', decidedAt: days(31) })),
        { userId: someone, jobId: randomUUID(), reason: 'location', decidedAt: days(29) },
      ],
    });
    expect(await pruneDecisionLog(env.database.pool, { retentionDays: 30, batchSize: 10 })).toBe(25);
    expect(await prisma.matchDecision.count({ where: { userId: someone } })).toBe(1);
  });
});
