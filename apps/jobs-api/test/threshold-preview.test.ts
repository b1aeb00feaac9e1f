import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jobInputColumns, LocalProvider, toJobInput } from '@jobping/ai';
import request from 'supertest';
import { as, createJob, createMatch, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('threshold_preview');
});
afterAll(async () => ctx?.close());

type Preview = { days: number; since: string; scored: number; ruled_out: number; score_counts: number[] };
const passing = (preview: Preview, threshold: number) => preview.score_counts.slice(threshold).reduce((a, b) => a + b, 0);

describe('GET /api/users/me/threshold-preview', () => {
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    alice = await ctx.user();
    bob = await ctx.user();
    for (const score of [40, 70, 70, 85, 100]) {
      const job = await createJob(ctx.prisma);
      await createMatch(ctx.prisma, alice.id, job.id, score);
      await createMatch(ctx.prisma, bob.id, job.id, 10);
    }
    // Older than the window: left out.
    const old = await createJob(ctx.prisma, { createdAt: new Date(Date.now() - 9 * 86_400_000) });
    await createMatch(ctx.prisma, alice.id, old.id, 95);
    // Ruled out by the pre-filter: counted apart, never passes.
    const skipped = await createJob(ctx.prisma);
    await createMatch(ctx.prisma, alice.id, skipped.id, 90, { prefilterSkipped: true });
  });

  it('buckets the caller’s scores of the last 7 days so any threshold can be counted', async () => {
    const res = await as(ctx, alice).get('/api/users/me/threshold-preview').expect(200);
    const preview = res.body as Preview;
    expect(preview.days).toBe(7);
    expect(preview.score_counts).toHaveLength(101);
    expect(preview.scored).toBe(5);
    expect(preview.ruled_out).toBe(1);
    expect(passing(preview, 0)).toBe(5);
    expect(passing(preview, 70)).toBe(4);
    expect(passing(preview, 71)).toBe(2);
    expect(passing(preview, 100)).toBe(1);
  });

  it('only counts the caller’s own matches and honours days', async () => {
    const bobs = (await as(ctx, bob).get('/api/users/me/threshold-preview').expect(200)).body as Preview;
    expect(bobs.scored).toBe(5);
    expect(bobs.score_counts[10]).toBe(5);
    const longer = (await as(ctx, alice).get('/api/users/me/threshold-preview?days=30').expect(200)).body as Preview;
    expect(longer.scored).toBe(6);
    const stranger = await ctx.user();
    const empty = (await as(ctx, stranger).get('/api/users/me/threshold-preview').expect(200)).body as Preview;
    expect(empty.scored).toBe(0);
  });

  it('estimates the jobs not scored for the caller yet with the built-in rules, against their prompt', async () => {
    const carol = await ctx.user();
    const fresh = (await as(ctx, carol).get('/api/users/me/threshold-preview').expect(200)).body as Preview & { estimated: number };
    expect(fresh).toMatchObject({ scored: 0, estimated: 0 }); // no prompt yet: nothing to estimate against

    const prompt = 'Senior backend engineer, TypeScript, remote in Europe, at least €70k.';
    await ctx.prisma.user.update({ where: { id: carol.id }, data: { aiPrompt: prompt } });
    const inWindow = await ctx.prisma.job.findMany({
      where: { createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) } },
      select: { id: true, ...jobInputColumns, company: { select: { companyInfo: true } } },
    });
    expect(inWindow.length).toBeGreaterThan(1);
    const rules = new LocalProvider();
    const expected = new Array<number>(101).fill(0);
    for (const row of inWindow) expected[(await rules.scoreMatch({ job: toJobInput(row), company: null, user: { prompt } })).score]! += 1;

    const estimated = (await as(ctx, carol).get('/api/users/me/threshold-preview').expect(200)).body as Preview & { estimated: number };
    expect(estimated.estimated).toBe(inWindow.length);
    expect(estimated.scored).toBe(inWindow.length);
    expect(estimated.score_counts).toEqual(expected);

    // A job with a stored result counts once, as scored, not estimated.
    await createMatch(ctx.prisma, carol.id, inWindow[0]!.id, 99);
    const mixed = (await as(ctx, carol).get('/api/users/me/threshold-preview').expect(200)).body as Preview & { estimated: number };
    expect(mixed.scored).toBe(inWindow.length);
    expect(mixed.estimated).toBe(inWindow.length - 1);
    expect(mixed.score_counts[99]).toBeGreaterThanOrEqual(1);
    // Other users' data never shows: bob's preview is unchanged by carol's.
    expect(((await as(ctx, bob).get('/api/users/me/threshold-preview').expect(200)).body as Preview).scored).toBe(5);
  });

  it('rejects a bad days value and needs a token', async () => {
    const res = await as(ctx, alice).get('/api/users/me/threshold-preview?days=90').expect(400);
    expect(res.body.error.code).toBeDefined();
    await request(ctx.app).get('/api/users/me/threshold-preview').expect(401);
  });
});
