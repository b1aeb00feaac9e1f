import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scrapeQueue, scrapeRunRequestSchema } from '@jobping/contracts';
import request from 'supertest';
import { as, invalidFields, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp('scrape_runs', { SCRAPE_REQUESTS_PER_USER_PER_HOUR: '2' });
});
afterAll(async () => ctx?.close());

describe('POST /api/jobs/fetch', () => {
  it('creates a queued manual run and adds it to the scrape-runs queue under its own id', async () => {
    const user = await ctx.user();
    const res = await as(ctx, user).post('/api/jobs/fetch').expect(202);
    expect(res.body).toEqual({ run_id: expect.any(String) });
    const runId = res.body.run_id as string;

    const run = await ctx.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ trigger: 'manual', status: 'queued', requestedById: user.id });

    const job = await ctx.queue.queue.getJob(runId);
    expect(job?.name).toBe(scrapeQueue.runJob);
    expect(scrapeRunRequestSchema.parse(job?.data)).toEqual({ run_id: runId });
    expect(ctx.queue.queue.name).toBe('scrape-runs');
  });

  it('limits ordinary users per hour (shared in Redis) and never admins', async () => {
    const user = await ctx.user();
    await as(ctx, user).post('/api/jobs/fetch').expect(202);
    await as(ctx, user).post('/api/jobs/fetch').expect(202);
    const limited = await as(ctx, user).post('/api/jobs/fetch').expect(429);
    expect(limited.body.error.code).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await ctx.prisma.scrapeRun.count({ where: { requestedById: user.id } })).toBe(2);

    // Another user has a budget of their own.
    await as(ctx, await ctx.user()).post('/api/jobs/fetch').expect(202);

    const admin = await ctx.user('admin');
    for (let i = 0; i < 4; i += 1) await as(ctx, admin).post('/api/jobs/fetch').expect(202);
  });

  it('needs a token', async () => {
    await request(ctx.app).post('/api/jobs/fetch').expect(401);
  });
});

describe('GET /api/scrape-runs/:id', () => {
  it('shows status, progress and per-source counts and errors to the requester', async () => {
    const user = await ctx.user();
    const { run_id } = (await as(ctx, user).post('/api/jobs/fetch').expect(202)).body as { run_id: string };

    const queued = await as(ctx, user).get(`/api/scrape-runs/${run_id}`).expect(200);
    expect(queued.body).toMatchObject({ id: run_id, trigger: 'manual', status: 'queued', sources: [], progress: 0, finished_at: null });

    await ctx.prisma.scrapeRun.update({
      where: { id: run_id },
      data: {
        status: 'running',
        startedAt: new Date(),
        sourcesTotal: 4,
        sourcesDone: 1,
        jobsFound: 30,
        jobsNew: 12,
        sourceStats: {
          'lever:globex': { found: 10, new: 2, duplicates: 8, errors: [] },
          'greenhouse:acme': { found: 20, new: 10, duplicates: 10, errors: ['page 3: HTTP 503'] },
        },
      },
    });
    const running = await as(ctx, user).get(`/api/scrape-runs/${run_id}`).expect(200);
    expect(running.body).toEqual({
      id: run_id,
      trigger: 'manual',
      status: 'running',
      sources: [
        { source: 'greenhouse:acme', found: 20, new: 10, duplicates: 10, errors: ['page 3: HTTP 503'] },
        { source: 'lever:globex', found: 10, new: 2, duplicates: 8, errors: [] },
      ],
      sources_total: 4,
      sources_done: 1,
      progress: 0.25,
      jobs_found: 30,
      jobs_new: 12,
      error: null,
      created_at: expect.any(String),
      started_at: expect.any(String),
      finished_at: null,
    });

    await ctx.prisma.scrapeRun.update({ where: { id: run_id }, data: { status: 'partial', sourcesDone: 3, finishedAt: new Date() } });
    const done = await as(ctx, user).get(`/api/scrape-runs/${run_id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'partial', progress: 1, finished_at: expect.any(String) });
  });

  it('hides other users’ runs (404) but shows every run to admins', async () => {
    const owner = await ctx.user();
    const { run_id } = (await as(ctx, owner).post('/api/jobs/fetch').expect(202)).body as { run_id: string };
    await as(ctx, await ctx.user()).get(`/api/scrape-runs/${run_id}`).expect(404);
    await as(ctx, await ctx.user('admin')).get(`/api/scrape-runs/${run_id}`).expect(200);
    const scheduled = await ctx.prisma.scrapeRun.create({ data: { trigger: 'schedule' } });
    await as(ctx, owner).get(`/api/scrape-runs/${scheduled.id}`).expect(404);
    expect((await as(ctx, await ctx.user('admin')).get(`/api/scrape-runs/${scheduled.id}`).expect(200)).body.trigger).toBe('schedule');
  });

  it('answers 404 for an unknown run, 400 for a malformed id, 401 without a token', async () => {
    const user = await ctx.user();
    await as(ctx, user).get('/api/scrape-runs/2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11').expect(404);
    expect(invalidFields(await as(ctx, user).get('/api/scrape-runs/1').expect(400))).toEqual(['params.id']);
    await request(ctx.app).get('/api/scrape-runs/2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11').expect(401);
  });
});
