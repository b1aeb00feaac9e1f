import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jobInputColumns, LocalProvider, toJobInput } from '@jobping/ai';
import request from 'supertest';
import { as, createJob, createMatch, startTestApp, type TestContext, type TestUser } from './helpers';

const REQUESTS_PER_MINUTE = 8;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('threshold_preview', { THRESHOLD_PREVIEW_REQUESTS_PER_MINUTE: String(REQUESTS_PER_MINUTE) });
});
afterAll(async () => ctx?.close());

type Preview = { days: number; since: string; scored: number; ruled_out: number; score_counts: number[] };
type Estimated = Preview & { estimated: number };
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

/** How often the estimate was computed (the rules run over the window's jobs), from the app's own metric. */
async function estimatesComputed(): Promise<number> {
  const metric = ctx.registry.getSingleMetric('jobs_api_threshold_preview_estimates_total');
  if (!metric) return 0;
  return (await metric.get()).values.find((value) => value.labels.source === 'computed')?.value ?? 0;
}

describe('threshold preview costs', () => {
  const preview = async (user: TestUser, days = 7) =>
    (await as(ctx, user).get(`/api/users/me/threshold-preview?days=${days}`).expect(200)).body as Estimated;
  /** The answer without `since`, which moves with the clock. */
  const counts = ({ since: _since, ...rest }: Estimated) => rest;

  beforeAll(async () => {
    for (const title of ['Senior Go Engineer', 'Backend Engineer (TypeScript)', 'Frontend Developer', 'Data Engineer']) {
      await createJob(ctx.prisma, { title, description: `${title}. Remote within Europe, Go and TypeScript services.`, remote: true });
    }
  });

  it('computes the estimate once per (user, prompt, window) and serves it from Redis until the prompt changes', async () => {
    const dave = await ctx.user();
    await ctx.prisma.user.update({ where: { id: dave.id }, data: { aiPrompt: 'Senior backend engineer, Go, remote in Europe.' } });
    const before = await estimatesComputed();

    const first = await preview(dave);
    expect(first.estimated).toBeGreaterThan(1);
    expect(await estimatesComputed()).toBe(before + 1);

    const again = await preview(dave);
    expect(counts(again)).toEqual(counts(first));
    expect(await estimatesComputed()).toBe(before + 1);

    // The pipeline stores a result for one estimated job: it counts once, as scored, without recomputing.
    const job = await ctx.prisma.job.findFirstOrThrow({ where: { createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) } } });
    await createMatch(ctx.prisma, dave.id, job.id, 97);
    const scoredNow = await preview(dave);
    expect(scoredNow.scored).toBe(first.scored);
    expect(scoredNow.estimated).toBe(first.estimated - 1);
    expect(scoredNow.score_counts[97]).toBeGreaterThanOrEqual(1);
    expect(await estimatesComputed()).toBe(before + 1);

    // Another window is another estimate.
    await preview(dave, 30);
    expect(await estimatesComputed()).toBe(before + 2);
    await preview(dave, 30);
    expect(await estimatesComputed()).toBe(before + 2);

    // A new prompt is estimated anew, against the new prompt.
    const prompt = 'Frontend developer, React, remote.';
    await ctx.prisma.user.update({ where: { id: dave.id }, data: { aiPrompt: prompt } });
    const changed = await preview(dave);
    expect(await estimatesComputed()).toBe(before + 3);
    const unscored = await ctx.prisma.job.findMany({
      where: { createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) }, matches: { none: { userId: dave.id } } },
      select: { ...jobInputColumns, company: { select: { companyInfo: true } } },
    });
    const rules = new LocalProvider();
    const expected = new Array<number>(101).fill(0);
    expected[97] = 1;
    for (const row of unscored) expected[(await rules.scoreMatch({ job: toJobInput(row), company: null, user: { prompt } })).score]! += 1;
    expect(changed.score_counts).toEqual(expected);
  });

  it('computes once for concurrent requests of one user', async () => {
    const erin = await ctx.user();
    await ctx.prisma.user.update({ where: { id: erin.id }, data: { aiPrompt: 'Data engineer, Python, remote.' } });
    const before = await estimatesComputed();
    const [a, b] = await Promise.all([preview(erin), preview(erin)]);
    expect(counts(a)).toEqual(counts(b));
    expect(await estimatesComputed()).toBe(before + 1);
  });

  it('limits each user to THRESHOLD_PREVIEW_REQUESTS_PER_MINUTE requests, with 429 and Retry-After beyond', async () => {
    const frank = await ctx.user();
    for (let i = 0; i < REQUESTS_PER_MINUTE; i += 1) await as(ctx, frank).get('/api/users/me/threshold-preview').expect(200);
    const refused = await as(ctx, frank).get('/api/users/me/threshold-preview').expect(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(refused.body.error.message).toMatch(/per minute/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Per user: someone else is not affected.
    await as(ctx, await ctx.user()).get('/api/users/me/threshold-preview').expect(200);
  });
});
