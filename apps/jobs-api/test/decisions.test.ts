// "Why (not)?" (docs/product.md, "Decision log"): the stage that decided about one of the
// caller's pairs, its reason code and the words; near misses; the admin counts per reason.
// Fan-out's rows are written here as fan-out writes them (apps/fanout decision-log.test.ts runs
// fan-out itself; tools/pipeline-harness must-haves.e2e.test.ts runs the whole pipeline).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, createJob, createMatch, createNotification, invalidFields, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp('decisions', { DECISIONS_REQUESTS_PER_MINUTE: '200' });
});
afterAll(async () => ctx?.close());

const decision = async (user: TestUser, jobId: string) => (await as(ctx, user).get(`/api/users/me/decisions?job_id=${jobId}`).expect(200)).body;

describe('GET /api/users/me/decisions', () => {
  it('explains a pair fan-out left out, in plain words with both values', async () => {
    const alice = await ctx.user();
    const cases: [string, string | null, string | null, string][] = [
      ['work_arrangement', 'onsite in Austin', 'remote', 'Left out: on-site in Austin; you accept remote.'],
      ['salary_below_min', '90000', '100000', 'Left out: pays at most 90,000 a year; your minimum is 100,000.'],
      ['salary_unstated', null, '100000', 'Left out: states no salary; your minimum is 100,000 and you chose to leave out jobs without one.'],
      ['visa_not_offered', 'not_offered', null, 'Left out: says it cannot sponsor a visa; you need sponsorship.'],
      ['visa_unknown', 'unknown', null, 'Left out: does not say whether it sponsors a visa; you need sponsorship and chose to leave such jobs out.'],
      ['seniority', 'staff', 'mid–senior', 'Left out: staff level; you accept mid to senior.'],
      ['language', 'de, en', 'en', 'Left out: requires de, en; you work in en.'],
      ['employment_type', 'contract', 'full_time', 'Left out: contract; you accept full-time.'],
      ['remote_region', 'US only', 'europe', 'Left out: remote limited to US only; you accept remote in europe.'],
      ['location', 'Austin, TX', 'Berlin, Paris', 'Left out: located in Austin, TX; you chose Berlin, Paris.'],
      ['remote_only', 'Austin, TX', null, 'Left out: not remote (Austin, TX); you want remote jobs only.'],
      ['excluded_keyword', null, 'kafka', 'Left out: mentions kafka, which you excluded.'],
      ['excluded_company', 'Ledgerly', null, 'Left out: Ledgerly is one of your excluded companies.'],
      ['muted_company', 'Ledgerly', null, 'Left out: you muted Ledgerly.'],
      ['muted_keyword', null, 'Kafka', 'Left out: mentions Kafka, which you muted.'],
    ];
    for (const [reason, jobValue, userValue, words] of cases) {
      const job = await createJob(ctx.prisma);
      await ctx.prisma.matchDecision.create({ data: { userId: alice.id, jobId: job.id, reason, jobValue, userValue } });
      expect(await decision(alice, job.id)).toEqual({
        job_id: job.id,
        stage: 'fanout',
        reason,
        score: null,
        threshold: 70,
        job_value: jobValue,
        user_value: userValue,
        prefilter_code: null,
        explanation: words,
        decided_at: expect.any(String),
      });
    }
  });

  it('explains the later stages: pre-filter, below the threshold, notified, snoozed, a failed delivery, not decided yet', async () => {
    const alice = await ctx.user();
    const prefiltered = await createJob(ctx.prisma);
    const match = await createMatch(ctx.prisma, alice.id, prefiltered.id, 20, { prefilterSkipped: true });
    await ctx.prisma.userJobMatch.update({ where: { id: match.id }, data: { prefilterCode: 'seniority', prefilterReason: 'skip: at most 20 < threshold 70: asks senior' } });
    expect(await decision(alice, prefiltered.id)).toMatchObject({
      stage: 'prefilter',
      reason: 'prefiltered',
      score: 20,
      prefilter_code: 'seniority',
      explanation: 'Not scored by the AI: the rules put it at most at 20, under your threshold of 70 (at most 20 < threshold 70: asks senior).',
    });

    const below = await createJob(ctx.prisma);
    await createMatch(ctx.prisma, alice.id, below.id, 64);
    expect(await decision(alice, below.id)).toMatchObject({ stage: 'matcher', reason: 'below_threshold', score: 64, explanation: 'Scored 64, under your threshold of 70: no alert.' });

    const notified = await createJob(ctx.prisma);
    await createNotification(ctx.prisma, alice.id, notified, 85);
    expect(await decision(alice, notified.id)).toMatchObject({ stage: 'notifier', reason: 'notified', score: 85 });

    const failed = await createJob(ctx.prisma);
    await createNotification(ctx.prisma, alice.id, failed, 90);
    await ctx.prisma.notification.updateMany({ where: { userId: alice.id, jobId: failed.id }, data: { discordStatus: 'failed' } });
    expect(await decision(alice, failed.id)).toMatchObject({ stage: 'notifier', reason: 'delivery_failed' });

    const snoozed = await createJob(ctx.prisma);
    const snoozedMatch = await createMatch(ctx.prisma, alice.id, snoozed.id, 88);
    await ctx.prisma.userJobMatch.update({ where: { id: snoozedMatch.id }, data: { notifySkip: 'snoozed' } });
    expect(await decision(alice, snoozed.id)).toMatchObject({ stage: 'notifier', reason: 'snoozed', explanation: 'Scored 88, at or above your threshold of 70, but your alerts were snoozed.' });

    // Scored 75 under a threshold of 80 an hour ago; the threshold is 70 now: still no alert, and why.
    const raised = await createJob(ctx.prisma);
    const raisedMatch = await createMatch(ctx.prisma, alice.id, raised.id, 75);
    await ctx.prisma.userJobMatch.update({ where: { id: raisedMatch.id }, data: { updatedAt: new Date(Date.now() - 2 * 3_600_000) } });
    expect(await decision(alice, raised.id)).toMatchObject({
      stage: 'matcher',
      reason: 'below_threshold',
      explanation: 'Scored 75, under the threshold you had when it was scored (it is 70 now): no alert.',
    });
    const justScored = await createJob(ctx.prisma);
    await createMatch(ctx.prisma, alice.id, justScored.id, 75);
    expect(await decision(alice, justScored.id)).toMatchObject({ stage: 'pending', reason: 'awaiting', explanation: 'Scored 75, at or above your threshold of 70; the alert is on its way.' });

    const fresh = await createJob(ctx.prisma);
    expect(await decision(alice, fresh.id)).toMatchObject({ stage: 'pending', reason: 'awaiting', score: null });
    const old = await createJob(ctx.prisma);
    await ctx.prisma.$executeRaw`UPDATE jobs SET status = 'fanned_out', updated_at = now() - interval '2 hours' WHERE id = ${old.id}::uuid`;
    expect(await decision(alice, old.id)).toMatchObject({ stage: 'pending', reason: 'unknown' });
  });

  it("another user's decisions are not visible: the same job answers from the caller's own rows", async () => {
    const alice = await ctx.user();
    const bob = await ctx.user();
    const job = await createJob(ctx.prisma);
    await ctx.prisma.matchDecision.create({ data: { userId: alice.id, jobId: job.id, reason: 'salary_below_min', jobValue: '90000', userValue: '100000' } });
    await createMatch(ctx.prisma, alice.id, (await createJob(ctx.prisma)).id, 50);
    const bobs = await decision(bob, job.id);
    expect(bobs).toMatchObject({ stage: 'pending', reason: 'awaiting', job_value: null, user_value: null });
    expect(JSON.stringify(bobs)).not.toContain('100000');
  });

  it('validates job_id (400), 404 for a job that does not exist, needs a token, rate-limits per user', async () => {
    const alice = await ctx.user();
    expect(invalidFields(await as(ctx, alice).get('/api/users/me/decisions?job_id=nope').expect(400))).toEqual(['query.job_id']);
    expect(invalidFields(await as(ctx, alice).get('/api/users/me/decisions').expect(400))).toEqual(['query.job_id']);
    await as(ctx, alice).get(`/api/users/me/decisions?job_id=${randomUUID()}`).expect(404);
    await as(ctx, { token: 'x' }).get(`/api/users/me/decisions?job_id=${randomUUID()}`).expect(401);

    const limited = await startTestApp('decisions_limit', { DECISIONS_REQUESTS_PER_MINUTE: '2' });
    try {
      const carol = await limited.user();
      const job = await createJob(limited.prisma);
      await as(limited, carol).get(`/api/users/me/decisions?job_id=${job.id}`).expect(200);
      await as(limited, carol).get('/api/users/me/near-misses').expect(200);
      const res = await as(limited, carol).get(`/api/users/me/decisions?job_id=${job.id}`).expect(429);
      expect(res.headers['retry-after']).toBeDefined();
      // Another user has their own allowance.
      await as(limited, await limited.user()).get(`/api/users/me/decisions?job_id=${job.id}`).expect(200);
    } finally {
      await limited.close();
    }
  });

  it('is in the OpenAPI document', () => {
    const paths = ctx.openapi.paths as Record<string, Record<string, unknown>>;
    expect(paths['/api/users/me/decisions']?.get).toBeDefined();
    expect(paths['/api/users/me/near-misses']?.get).toBeDefined();
  });
});

describe('GET /api/users/me/near-misses', () => {
  it('lists AI-scored jobs just under the threshold, newest first, paginated; not the pre-filtered, not above, not too far under, not others', async () => {
    const alice = await ctx.user();
    const bob = await ctx.user();
    const scores = [69, 65, 60, 59, 70, 45];
    const jobs = [];
    for (const [i, score] of scores.entries()) {
      const job = await createJob(ctx.prisma, { title: `Near ${i}` });
      jobs.push(job);
      const match = await createMatch(ctx.prisma, alice.id, job.id, score);
      await ctx.prisma.userJobMatch.update({ where: { id: match.id }, data: { createdAt: new Date(Date.now() - (10 - i) * 60_000) } });
    }
    const skipped = await createJob(ctx.prisma);
    await createMatch(ctx.prisma, alice.id, skipped.id, 66, { prefilterSkipped: true });
    await createMatch(ctx.prisma, bob.id, (await createJob(ctx.prisma)).id, 68);

    const first = await as(ctx, alice).get('/api/users/me/near-misses?limit=2').expect(200);
    expect(first.body.items.map((i: { title: string }) => i.title)).toEqual(['Near 2', 'Near 1']);
    expect(first.body.items[0]).toEqual({
      job_id: jobs[2]!.id,
      title: 'Near 2',
      company: 'Acme',
      url: expect.any(String),
      score: 60,
      threshold: 70,
      points_under: 10,
      scored_at: expect.any(String),
    });
    const second = await as(ctx, alice).get(`/api/users/me/near-misses?limit=2&cursor=${first.body.next_cursor}`).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ title: 'Near 0', points_under: 1 })], next_cursor: null });
    const wider = await as(ctx, alice).get('/api/users/me/near-misses?within=30').expect(200);
    expect(wider.body.items.map((i: { title: string }) => i.title)).toEqual(['Near 5', 'Near 3', 'Near 2', 'Near 1', 'Near 0']);
    expect(invalidFields(await as(ctx, alice).get('/api/users/me/near-misses?within=0').expect(400))).toEqual(['query.within']);
  });
});

describe('GET /api/admin/pipeline decision counts', () => {
  it('counts decisions per stage and reason over the window', async () => {
    const admin = await ctx.user('admin');
    const base = await as(ctx, admin).get('/api/admin/pipeline?window_hours=1').expect(200);
    const count = (body: { decisions: { counts: { stage: string; reason: string; count: number }[] } }, stage: string, reason: string) =>
      body.decisions.counts.find((c) => c.stage === stage && c.reason === reason)?.count ?? 0;

    const u = await ctx.user();
    for (const reason of ['seniority', 'seniority', 'location']) {
      await ctx.prisma.matchDecision.create({ data: { userId: u.id, jobId: (await createJob(ctx.prisma)).id, reason } });
    }
    await ctx.prisma.matchDecision.create({ data: { userId: u.id, jobId: randomUUID(), reason: 'location', decidedAt: new Date(Date.now() - 3 * 3_600_000) } });
    await createMatch(ctx.prisma, u.id, (await createJob(ctx.prisma)).id, 40);
    await createNotification(ctx.prisma, u.id, await createJob(ctx.prisma), 90);

    // Another window: each window's counts are reused for a minute (the page polls every 5 s).
    const res = await as(ctx, admin).get('/api/admin/pipeline?window_hours=2').expect(200);
    expect(res.body.decisions).toMatchObject({ window_hours: 2, since: expect.any(String) });
    const again = await as(ctx, admin).get('/api/admin/pipeline?window_hours=1').expect(200);
    expect(again.body.decisions.counts).toEqual(base.body.decisions.counts);
    expect(count(res.body, 'fanout', 'seniority') - count(base.body, 'fanout', 'seniority')).toBe(2);
    expect(count(res.body, 'fanout', 'location') - count(base.body, 'fanout', 'location')).toBe(1);
    expect(count(res.body, 'matcher', 'below_threshold') - count(base.body, 'matcher', 'below_threshold')).toBe(1);
    expect(count(res.body, 'notifier', 'notified') - count(base.body, 'notifier', 'notified')).toBe(1);
    const day = await as(ctx, admin).get('/api/admin/pipeline').expect(200);
    expect(count(day.body, 'fanout', 'location')).toBe(count(res.body, 'fanout', 'location') + 1);
    expect(invalidFields(await as(ctx, admin).get('/api/admin/pipeline?window_hours=0').expect(400))).toEqual(['query.window_hours']);
  });
});
