import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { streams } from '@jobping/contracts';
import request from 'supertest';
import { as, invalidFields, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;
let admin: TestUser;
let user: TestUser;

beforeAll(async () => {
  ctx = await startTestApp('admin');
  admin = await ctx.user('admin');
  user = await ctx.user();
});
afterAll(async () => ctx?.close());

const SOURCE_ID = '2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11';

describe('admin routes', () => {
  it.each([
    ['get', '/api/admin/sources'],
    ['post', '/api/admin/sources'],
    ['patch', `/api/admin/sources/${SOURCE_ID}`],
    ['delete', `/api/admin/sources/${SOURCE_ID}`],
    ['get', '/api/admin/pipeline'],
  ] as const)('%s %s answers 401 without a token and 403 to non-admins', async (method, path) => {
    const body = { type: 'greenhouse', identifier: 'acme' };
    const anonymous = request(ctx.app)[method](path);
    await (method === 'post' || method === 'patch' ? anonymous.send(body) : anonymous).expect(401);
    const asUser = as(ctx, user);
    const res = await (method === 'post' ? asUser.post(path, body) : method === 'patch' ? asUser.patch(path, body) : asUser[method](path)).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await ctx.prisma.jobSource.count()).toBe(0);
  });
});

describe('job sources', () => {
  it('creates, lists, changes and deletes sources', async () => {
    const created = await as(ctx, admin)
      .post('/api/admin/sources', { type: 'greenhouse', identifier: 'acme' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      type: 'greenhouse',
      identifier: 'acme',
      search_terms: [],
      location: null,
      enabled: true,
      backfilled_at: null,
      last_run_at: null,
      last_success_at: null,
      last_error: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const linkedin = await as(ctx, admin)
      .post('/api/admin/sources', { type: 'linkedin', identifier: 'eu-typescript', search_terms: ['typescript', 'node.js'], location: 'European Union', enabled: false })
      .expect(201);

    const listed = await as(ctx, admin).get('/api/admin/sources').expect(200);
    expect((listed.body.items as { identifier: string }[]).map((s) => s.identifier)).toEqual(['acme', 'eu-typescript']);
    expect(listed.body.next_cursor).toBeNull();
    const disabled = await as(ctx, admin).get('/api/admin/sources?enabled=false').expect(200);
    expect((disabled.body.items as { id: string }[]).map((s) => s.id)).toEqual([linkedin.body.id]);
    const firstPage = await as(ctx, admin).get('/api/admin/sources?limit=1').expect(200);
    const secondPage = await as(ctx, admin).get(`/api/admin/sources?limit=1&cursor=${firstPage.body.next_cursor}`).expect(200);
    expect([...firstPage.body.items, ...secondPage.body.items].map((s: { id: string }) => s.id)).toEqual([created.body.id, linkedin.body.id]);

    const patched = await as(ctx, admin).patch(`/api/admin/sources/${linkedin.body.id}`, { enabled: true, location: null }).expect(200);
    expect(patched.body).toMatchObject({ enabled: true, location: null, search_terms: ['typescript', 'node.js'], identifier: 'eu-typescript' });

    await as(ctx, admin).delete(`/api/admin/sources/${created.body.id}`).expect(204);
    await as(ctx, admin).delete(`/api/admin/sources/${created.body.id}`).expect(404);
    await as(ctx, admin).patch(`/api/admin/sources/${created.body.id}`, { enabled: false }).expect(404);
    expect(await ctx.prisma.jobSource.count()).toBe(1);
    await ctx.prisma.jobSource.deleteMany();
  });

  it('refuses a second source with the same type and identifier (409)', async () => {
    await as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: 'globex' }).expect(201);
    const again = await as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: 'globex' }).expect(409);
    expect(again.body.error.code).toBe('source_exists');
    const other = await as(ctx, admin).post('/api/admin/sources', { type: 'ashby', identifier: 'globex' }).expect(201);
    await as(ctx, admin).patch(`/api/admin/sources/${other.body.id}`, { type: 'lever' }).expect(409);
    await ctx.prisma.jobSource.deleteMany();
  });

  it('validates bodies, params and queries, naming the fields', async () => {
    const cases: [() => request.Test, string[]][] = [
      [() => as(ctx, admin).post('/api/admin/sources', { type: 'monster', identifier: 'x' }), ['body.type']],
      [() => as(ctx, admin).post('/api/admin/sources', { type: 'lever' }), ['body.identifier']],
      [() => as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: '  ' }), ['body.identifier']],
      [() => as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: 'x', search_terms: 'ts' }), ['body.search_terms']],
      [() => as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: 'x', surprise: 1 }), ['body']],
      [() => as(ctx, admin).patch(`/api/admin/sources/${SOURCE_ID}`, {}), ['body']],
      [() => as(ctx, admin).patch('/api/admin/sources/7', { enabled: true }), ['params.id']],
      [() => as(ctx, admin).get('/api/admin/sources?enabled=perhaps'), ['query.enabled']],
      [() => as(ctx, admin).get('/api/admin/sources?type=monster'), ['query.type']],
    ];
    for (const [send, fields] of cases) {
      const res = await send().expect(400);
      expect(invalidFields(res)).toEqual(fields);
    }
  });
});

describe('GET /api/admin/pipeline', () => {
  it('shows stream backlog per group and dead letters per stage, and the scrape queue', async () => {
    const prefix = ctx.config.STREAM_KEY_PREFIX;
    const stream = `${prefix}${streams['user-analysis'].name}`;
    await ctx.rawRedis.xadd(stream, '*', 'data', '{}');
    await ctx.rawRedis.xgroup('CREATE', stream, 'matcher', '0');
    await ctx.rawRedis.xadd(stream, '*', 'data', '{}');
    await ctx.rawRedis.xreadgroup('GROUP', 'matcher', 'c1', 'COUNT', 1, 'STREAMS', stream, '>');
    await ctx.rawRedis.xadd(`${prefix}${streams['user-analysis'].deadLetter}`, '*', 'data', '{}');
    await as(ctx, user).post('/api/jobs/fetch').expect(202);

    const res = await as(ctx, admin).get('/api/admin/pipeline').expect(200);
    const stages = res.body.stages as { stream: string; length: number; dead_letters: number; groups: unknown[] }[];
    expect(stages.map((s) => s.stream).sort()).toEqual(Object.keys(streams).sort());
    expect(stages.find((s) => s.stream === 'user-analysis')).toEqual({
      stream: 'user-analysis',
      length: 2,
      dead_letters: 1,
      groups: [{ name: 'matcher', consumers: 1, pending: 1, lag: 1, idle_seconds: expect.any(Number), stale: false }],
    });
    expect(stages.filter((s) => s.stream !== 'user-analysis').every((s) => s.length === 0 && s.dead_letters === 0)).toBe(true);
    expect(res.body.scrape_queue).toEqual({ waiting: 1, active: 0, delayed: 0, failed: 0, completed: 0 });
    expect(res.body.stale_group_seconds).toBe(900);
  });

  it('flags a consumer group that entries wait for and nobody reads (a stage that stopped or was removed), also on /metrics', async () => {
    const stream = `${ctx.config.STREAM_KEY_PREFIX}${streams['job-analysis'].name}`;
    await ctx.rawRedis.xgroup('CREATE', stream, 'retired-stage', '$', 'MKSTREAM');
    await ctx.rawRedis.xadd(stream, '*', 'data', '{}');
    await ctx.rawRedis.xadd(stream, '*', 'data', '{}');

    const res = await as(ctx, admin).get('/api/admin/pipeline').expect(200);
    const stage = (res.body.stages as { stream: string; groups: unknown[] }[]).find((s) => s.stream === 'job-analysis');
    expect(stage?.groups).toEqual([{ name: 'retired-stage', consumers: 0, pending: 0, lag: 2, idle_seconds: null, stale: true }]);

    const metrics = await ctx.registry.metrics();
    expect(metrics).toContain('stream_group_stale{stream="job-analysis",group="retired-stage",service="jobs-api"} 1');
    expect(metrics).toContain('stream_group_stale{stream="user-analysis",group="matcher",service="jobs-api"} 0');
  });
});
