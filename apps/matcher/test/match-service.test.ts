import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalProvider, Prefilter, type MatchInput } from '@jobping/ai';
import type { NotificationMessage } from '@jobping/contracts';
import { createDatabase, type Database, type PrismaClient } from '@jobping/db';
import { DEMO_PROMPT, demoPostings } from '@jobping/db/demo';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createLogger } from '@jobping/logger';
import { JobCache } from '../src/job-cache';
import { MatchService, loadJobForMatching } from '../src/match-service';

let db: TestDatabase;
let prisma: PrismaClient;
let database: Database;
const logger = createLogger({ service: 'matcher-test', level: 'error', nodeEnv: 'test' });
const local = new LocalProvider();

/** The real local provider, counting the scoring calls it is asked for. */
function countingAi() {
  const calls: MatchInput[] = [];
  return {
    calls,
    name: local.name,
    model: local.model,
    promptVersions: local.promptVersions,
    scoreMatch: (input: MatchInput) => {
      calls.push(input);
      return local.scoreMatch(input);
    },
  };
}

function setup({ prefilter = true } = {}) {
  const ai = countingAi();
  const published: NotificationMessage[] = [];
  const service = new MatchService({
    prisma,
    pool: database.pool,
    ai,
    prefilter: prefilter ? new Prefilter() : null,
    jobs: new JobCache((id) => loadJobForMatching(prisma, id), 10, 60_000),
    publishNotification: async (message) => void published.push(message),
    logger,
  });
  return { ai, published, service };
}

async function job(title: string, overrides: { title?: string; description?: string } = {}) {
  const posting = demoPostings.find((p) => p.title === title)!;
  const company = await prisma.company.create({ data: { name: posting.company, normalizedName: randomUUID() } });
  const { postedHoursAgo: _h, ...fields } = posting;
  return prisma.job.create({ data: { ...fields, ...overrides, sourceId: randomUUID(), dedupeKey: randomUUID(), companyName: posting.company, company: undefined, companyId: company.id } });
}

const user = (prompt: string | null, threshold = 70) =>
  prisma.user.create({ data: { email: `${randomUUID()}@jobping.test`, passwordHash: 'x', aiPrompt: prompt, aiPromptUpdatedAt: new Date(Date.now() - 60_000), notifyThreshold: threshold } });

beforeAll(async () => {
  db = await createTestDatabase('matcher');
  database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  prisma = database.prisma;
});

afterAll(async () => {
  await database?.close();
  await db?.drop();
});

describe('MatchService', () => {
  it('scores a pair once, stores it, and publishes a notification when the score reaches the threshold', async () => {
    const { ai, published, service } = setup();
    const j = await job('Senior Backend Engineer (TypeScript)');
    const u = await user(DEMO_PROMPT);
    const result = await service.handle({ job_id: j.id, user_id: u.id });
    expect(result).toMatchObject({ outcome: 'scored', notify: true });
    expect(ai.calls).toHaveLength(1);
    expect(published).toEqual([{ job_id: j.id, user_id: u.id }]);
    const stored = await prisma.userJobMatch.findUniqueOrThrow({ where: { userId_jobId: { userId: u.id, jobId: j.id } } });
    expect(stored).toMatchObject({ score: result.score, provider: 'local', promptVersion: local.promptVersions.match, prefilterSkipped: false, notified: false });
    expect((stored.analysis as { recommendation: string }).recommendation).toBe('apply');

    // Redelivered before the notifier ran (e.g. a crash after storing): no AI call, the notification again.
    expect(await service.handle({ job_id: j.id, user_id: u.id })).toMatchObject({ outcome: 'stored', notify: true });
    expect(ai.calls).toHaveLength(1);
    // Once notified, a redelivery does nothing at all.
    await prisma.userJobMatch.update({ where: { id: stored.id }, data: { notified: true } });
    expect(await service.handle({ job_id: j.id, user_id: u.id })).toMatchObject({ outcome: 'stored', notify: false });
    expect(ai.calls).toHaveLength(1);
    expect(published).toHaveLength(2);
    expect(await prisma.userJobMatch.count({ where: { userId: u.id } })).toBe(1);
  });

  it('uses the threshold of the user: below it, stored without a notification', async () => {
    const { published, service } = setup();
    const j = await job('Senior Software Engineer (Node.js)'); // 65 for the demo prompt (hybrid in Munich)
    const strict = await user(DEMO_PROMPT, 70);
    const lenient = await user(DEMO_PROMPT, 60);
    expect(await service.handle({ job_id: j.id, user_id: strict.id })).toMatchObject({ outcome: 'scored', score: 65, notify: false });
    expect(await service.handle({ job_id: j.id, user_id: lenient.id })).toMatchObject({ outcome: 'scored', score: 65, notify: true });
    expect(published).toEqual([{ job_id: j.id, user_id: lenient.id }]);
  });

  it('publishes from a lower threshold of an enabled channel (publishThreshold); a higher or disabled one changes nothing', async () => {
    const { published, service } = setup();
    const j = await job('Senior Software Engineer (Node.js)'); // 65 for the demo prompt
    const lowered = await user(DEMO_PROMPT, 70);
    await prisma.notificationChannel.create({ data: { userId: lowered.id, kind: 'email', settings: {}, thresholdOverride: 60 } });
    const raisedOrOff = await user(DEMO_PROMPT, 70);
    await prisma.notificationChannel.create({ data: { userId: raisedOrOff.id, kind: 'email', settings: {}, thresholdOverride: 90 } });
    await prisma.notificationChannel.create({ data: { userId: raisedOrOff.id, kind: 'email', settings: {}, thresholdOverride: 10, enabled: false } });
    expect(await service.handle({ job_id: j.id, user_id: lowered.id })).toMatchObject({ outcome: 'scored', score: 65, notify: true });
    expect(await service.handle({ job_id: j.id, user_id: raisedOrOff.id })).toMatchObject({ outcome: 'scored', score: 65, notify: false });
    expect(published).toEqual([{ job_id: j.id, user_id: lowered.id }]);
  });

  it('lets the pre-filter rule out hopeless pairs without an AI call, and records why', async () => {
    const { ai, published, service } = setup();
    const j = await job('Customer Support Agent (Night Shift)');
    const u = await user(DEMO_PROMPT);
    const result = await service.handle({ job_id: j.id, user_id: u.id });
    expect(result.outcome).toBe('prefiltered');
    expect(ai.calls).toHaveLength(0);
    expect(published).toHaveLength(0);
    const stored = await prisma.userJobMatch.findUniqueOrThrow({ where: { userId_jobId: { userId: u.id, jobId: j.id } } });
    expect(stored.prefilterSkipped).toBe(true);
    expect(stored.prefilterReason).toMatch(/^skip: at most \d+ < threshold 70/);
    // The code the decision log and the admin counts read (prefilterReasonKind).
    expect(stored.prefilterCode).toBe('excluded');
    expect(stored.score).toBeLessThan(70);
    expect(await service.handle({ job_id: j.id, user_id: u.id })).toMatchObject({ outcome: 'stored', notify: false });

    // With the pre-filter off, the same pair goes to the AI.
    const unfiltered = setup({ prefilter: false });
    const other = await user(DEMO_PROMPT);
    expect((await unfiltered.service.handle({ job_id: j.id, user_id: other.id })).outcome).toBe('scored');
    expect(unfiltered.ai.calls).toHaveLength(1);
  });

  it('scores again after the user changed the prompt, and when the prompt version changed', async () => {
    const { ai, service } = setup();
    const j = await job('Senior Backend Engineer (TypeScript)');
    const u = await user(DEMO_PROMPT);
    await service.handle({ job_id: j.id, user_id: u.id });
    await prisma.user.update({ where: { id: u.id }, data: { aiPrompt: 'Frontend engineer, React', aiPromptUpdatedAt: new Date(Date.now() + 1_000) } });
    expect((await service.handle({ job_id: j.id, user_id: u.id })).outcome).not.toBe('stored');
    await prisma.user.update({ where: { id: u.id }, data: { aiPromptUpdatedAt: new Date(Date.now() - 60_000) } });
    await prisma.userJobMatch.updateMany({ where: { userId: u.id }, data: { promptVersion: 'an-older-version' } });
    expect((await service.handle({ job_id: j.id, user_id: u.id })).outcome).not.toBe('stored');
    expect((await prisma.userJobMatch.findFirstOrThrow({ where: { userId: u.id } })).promptVersion).toBe(local.promptVersions.match);
    expect(ai.calls.length).toBeGreaterThanOrEqual(1);
    expect(await prisma.userJobMatch.count({ where: { userId: u.id } })).toBe(1);
  });

  it('does nothing for a user without a prompt, a deleted user or a deleted job', async () => {
    const { ai, published, service } = setup();
    const j = await job('Senior Backend Engineer (TypeScript)');
    const noPrompt = await user(null);
    expect((await service.handle({ job_id: j.id, user_id: noPrompt.id })).outcome).toBe('skipped');
    expect((await service.handle({ job_id: j.id, user_id: randomUUID() })).outcome).toBe('skipped');
    const u = await user(DEMO_PROMPT);
    expect((await service.handle({ job_id: randomUUID(), user_id: u.id })).outcome).toBe('skipped');
    expect(ai.calls).toHaveLength(0);
    expect(published).toHaveLength(0);
  });

  it('scores a near-duplicate of a job the user marked not interested lower, and only for that user', async () => {
    const { ai, service } = setup({ prefilter: false });
    const original = await job('Senior Backend Engineer (TypeScript)');
    // The same posting listed again twice (another board, a re-post), lightly reworded.
    const reworded = (text: string) => ({ title: 'Senior Backend Engineer - TypeScript', description: text.replace('about 140 people', 'around 140 people') });
    const repost = await job('Senior Backend Engineer (TypeScript)', reworded(original.description));
    const repostAgain = await job('Senior Backend Engineer (TypeScript)', reworded(original.description));
    const unrelated = await job('Senior Software Engineer (Node.js)');
    const u = await user(DEMO_PROMPT);
    const other = await user(DEMO_PROMPT);

    const before = await service.handle({ job_id: repost.id, user_id: u.id });
    const unrelatedBefore = await service.handle({ job_id: unrelated.id, user_id: other.id });
    await prisma.jobDismissal.create({ data: { userId: u.id, jobId: original.id, reason: 'salary' } });
    // Scored in one batch: the dismissals of both users are read in one query, each gets their own.
    const [after, otherAfter, unrelatedAfter, ownJob] = await Promise.all([
      service.handle({ job_id: repostAgain.id, user_id: u.id }),
      service.handle({ job_id: repostAgain.id, user_id: other.id }),
      service.handle({ job_id: unrelated.id, user_id: u.id }),
      service.handle({ job_id: original.id, user_id: u.id }),
    ]);
    expect(before).toMatchObject({ outcome: 'scored', notify: true });
    expect(after.outcome).toBe('scored');
    expect(after.score).toBeLessThan(before.score!);
    expect(after.notify).toBe(false);
    expect(otherAfter.score).toBe(before.score);
    expect(unrelatedAfter.score).toBe(unrelatedBefore.score);
    const stored = await prisma.userJobMatch.findUniqueOrThrow({ where: { userId_jobId: { userId: u.id, jobId: repostAgain.id } } });
    expect((stored.analysis as { explanation: string }).explanation).toContain('like a job you marked not interested: Senior Backend Engineer (TypeScript) (salary)');

    // What the AI was given: the user's own dismissal, never another user's, never the pair's own job.
    const given = ai.calls.slice(2).map((call) => `${call.job.title} | ${(call.dismissals ?? []).map((d) => `${d.title} (${d.reason})`).join(', ')}`);
    expect(given.sort()).toEqual(
      [
        'Senior Backend Engineer - TypeScript | Senior Backend Engineer (TypeScript) (salary)',
        'Senior Backend Engineer - TypeScript | ',
        'Senior Software Engineer (Node.js) | Senior Backend Engineer (TypeScript) (salary)',
        'Senior Backend Engineer (TypeScript) | ',
      ].sort(),
    );
    expect(ownJob.outcome).toBe('scored');
  });

  it('stores one row per pair when the same message is handled concurrently', async () => {
    const { service } = setup();
    const j = await job('Senior Backend Engineer (TypeScript)');
    const u = await user(DEMO_PROMPT);
    await Promise.all(Array.from({ length: 5 }, () => service.handle({ job_id: j.id, user_id: u.id })));
    expect(await prisma.userJobMatch.count({ where: { userId: u.id, jobId: j.id } })).toBe(1);
  });
});
