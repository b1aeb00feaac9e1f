import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { encodeCursor } from '../src/cursor';
import { as, createJob, createMatch, invalidFields, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp('matches');
});
afterAll(async () => ctx?.close());

type Item = { id: string; job_id: string; score: number; job: { title: string } };
const scores = (res: request.Response) => (res.body.items as Item[]).map((item) => item.score);

describe('GET /api/users/me/matches', () => {
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    alice = await ctx.user();
    bob = await ctx.user();
    for (const [score, title] of [
      [55, 'Low'],
      [92, 'Top'],
      [78, 'Mid'],
    ] as const) {
      const job = await createJob(ctx.prisma, { title, company: 'Matchy', companyInfo: { summary: 'Matchy' } });
      await createMatch(ctx.prisma, alice.id, job.id, score);
      await createMatch(ctx.prisma, bob.id, job.id, 100 - score);
    }
    const skipped = await createJob(ctx.prisma, { title: 'Skipped' });
    await createMatch(ctx.prisma, alice.id, skipped.id, 99, { prefilterSkipped: true });
  });

  it('lists the caller’s matches, highest score first, with job, company and analysis; pre-filter skips left out', async () => {
    const res = await as(ctx, alice).get('/api/users/me/matches').expect(200);
    expect(scores(res)).toEqual([92, 78, 55]);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      job_id: expect.any(String),
      score: 92,
      analysis: { summary: 'score 92', pros: ['remote'], cons: [] },
      provider: 'local',
      model: 'rules-v1',
      prompt_version: 'v1',
      notified: false,
      feedback: null,
      feedback_at: null,
      created_at: expect.any(String),
      job: expect.objectContaining({ title: 'Top', company: expect.objectContaining({ name: 'Matchy', info: { summary: 'Matchy' } }) }),
    });
  });

  it('serves a rescored match and re-researched company at once, though pages are assembled from cached documents', async () => {
    const carol = await ctx.user();
    const job = await createJob(ctx.prisma, { title: 'Rescored', company: 'Versioned', companyInfo: { summary: 'v1' } });
    await createMatch(ctx.prisma, carol.id, job.id, 40);
    const before = await as(ctx, carol).get('/api/users/me/matches').expect(200);
    expect(before.body.items).toEqual([expect.objectContaining({ score: 40, job: expect.objectContaining({ company: expect.objectContaining({ info: { summary: 'v1' } }) }) })]);
    await ctx.prisma.$executeRaw`UPDATE user_job_matches SET score = 75, analysis = '{"summary":"rescored"}'::jsonb WHERE user_id = ${carol.id}::uuid`;
    await ctx.prisma.$executeRaw`UPDATE companies SET company_info = '{"summary":"v2"}'::jsonb WHERE id = ${job.companyId}::uuid`;
    const after = await as(ctx, carol).get('/api/users/me/matches').expect(200);
    expect(after.body.items).toEqual([
      expect.objectContaining({ score: 75, analysis: { summary: 'rescored' }, job: expect.objectContaining({ company: expect.objectContaining({ info: { summary: 'v2' } }) }) }),
    ]);
  });

  it('never shows another user’s matches', async () => {
    const res = await as(ctx, bob).get('/api/users/me/matches').expect(200);
    expect(scores(res)).toEqual([45, 22, 8]);
    const stranger = await ctx.user();
    expect((await as(ctx, stranger).get('/api/users/me/matches').expect(200)).body).toEqual({ items: [], next_cursor: null });
  });

  it('filters by min_score', async () => {
    expect(scores(await as(ctx, alice).get('/api/users/me/matches?min_score=78').expect(200))).toEqual([92, 78]);
    expect(scores(await as(ctx, alice).get('/api/users/me/matches?min_score=100').expect(200))).toEqual([]);
  });

  it('pages with a cursor, with no gaps or repeats while matches are stored between pages', async () => {
    const user = await ctx.user();
    const expected: string[] = [];
    // Ties on score are ordered by id, so equal scores page correctly too.
    for (const score of [90, 80, 80, 80, 70, 60, 50]) {
      const job = await createJob(ctx.prisma, { title: `P${score}` });
      expected.push((await createMatch(ctx.prisma, user.id, job.id, score)).id);
    }
    const seen: string[] = [];
    const seenScores: number[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const path: string = `/api/users/me/matches?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await as(ctx, user).get(path).expect(200);
      seen.push(...(res.body.items as Item[]).map((item) => item.id));
      seenScores.push(...scores(res));
      cursor = res.body.next_cursor as string | null;
      round += 1;
      // A better match arrives meanwhile: it sorts before the pages already read.
      const job = await createJob(ctx.prisma, { title: `New ${round}` });
      await createMatch(ctx.prisma, user.id, job.id, 99);
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(expected));
    expect(seenScores).toEqual([90, 80, 80, 80, 70, 60, 50]);
  });

  it('answers 400 naming each invalid query parameter', async () => {
    for (const [query, field] of [
      ['min_score=101', 'query.min_score'],
      ['min_score=high', 'query.min_score'],
      ['limit=1000', 'query.limit'],
      [`cursor=${encodeCursor(['2026-11-23T00:00:00.000Z', '2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11'])}`, 'query.cursor'],
      ['cursor=%%%', 'query.cursor'],
    ]) {
      const res = await as(ctx, alice).get(`/api/users/me/matches?${query}`).expect(400);
      expect(invalidFields(res)).toEqual([field]);
    }
  });

  it('needs a valid access token', async () => {
    await request(ctx.app).get('/api/users/me/matches').expect(401);
  });
});

describe('POST /api/users/me/matches/:jobId/feedback', () => {
  it('stores up and down on the caller’s own match', async () => {
    const alice = await ctx.user();
    const bob = await ctx.user();
    const job = await createJob(ctx.prisma);
    await createMatch(ctx.prisma, alice.id, job.id, 80);
    const bobs = await createMatch(ctx.prisma, bob.id, job.id, 60);

    const up = await as(ctx, alice).post(`/api/users/me/matches/${job.id}/feedback`, { feedback: 'up' }).expect(200);
    expect(up.body).toEqual({ match_id: expect.any(String), job_id: job.id, feedback: 'up', feedback_at: expect.any(String) });
    await as(ctx, alice).post(`/api/users/me/matches/${job.id}/feedback`, { feedback: 'down' }).expect(200);

    const stored = await ctx.prisma.userJobMatch.findUniqueOrThrow({ where: { userId_jobId: { userId: alice.id, jobId: job.id } } });
    expect(stored.feedback).toBe('down');
    expect(stored.feedbackAt).toBeInstanceOf(Date);
    // Bob's match of the same job is untouched.
    expect((await ctx.prisma.userJobMatch.findUniqueOrThrow({ where: { id: bobs.id } })).feedback).toBeNull();
    const listed = await as(ctx, alice).get('/api/users/me/matches').expect(200);
    expect(listed.body.items[0].feedback).toBe('down');
  });

  it('answers 404 when the caller has no match for the job, even if someone else has', async () => {
    const alice = await ctx.user();
    const bob = await ctx.user();
    const job = await createJob(ctx.prisma);
    const bobs = await createMatch(ctx.prisma, bob.id, job.id, 60);
    await as(ctx, alice).post(`/api/users/me/matches/${job.id}/feedback`, { feedback: 'up' }).expect(404);
    expect((await ctx.prisma.userJobMatch.findUniqueOrThrow({ where: { id: bobs.id } })).feedback).toBeNull();
  });

  it('validates the body and the job id, and needs a token', async () => {
    const alice = await ctx.user();
    const job = await createJob(ctx.prisma);
    const bad = await as(ctx, alice).post(`/api/users/me/matches/${job.id}/feedback`, { feedback: 'meh' }).expect(400);
    expect(invalidFields(bad)).toEqual(['body.feedback']);
    const badId = await as(ctx, alice).post('/api/users/me/matches/nope/feedback', { feedback: 'up' }).expect(400);
    expect(invalidFields(badId)).toEqual(['params.jobId']);
    await request(ctx.app).post(`/api/users/me/matches/${job.id}/feedback`).send({ feedback: 'up' }).expect(401);
  });
});
