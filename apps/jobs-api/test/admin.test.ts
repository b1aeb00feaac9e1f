import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@jobping/config';
import { streams } from '@jobping/contracts';
import request from 'supertest';
import { jobsApiEnvSchema } from '../src/config';
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
    ['post', `/api/admin/sources/${SOURCE_ID}/resume`],
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
      company_name: null,
      enabled: true,
      backfilled_at: null,
      last_run_at: null,
      last_success_at: null,
      last_error: null,
      last_jobs_seen: null,
      consecutive_failures: 0,
      paused_at: null,
      pause_reason: null,
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
    // The company's display name, for boards whose API does not name it (Lever, Ashby).
    const lever = await as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: 'matchgroup', company_name: 'Match Group' }).expect(201);
    expect(lever.body).toMatchObject({ identifier: 'matchgroup', company_name: 'Match Group' });
    const renamed = await as(ctx, admin).patch(`/api/admin/sources/${lever.body.id}`, { company_name: null }).expect(200);
    expect(renamed.body.company_name).toBeNull();
    await as(ctx, admin).delete(`/api/admin/sources/${lever.body.id}`).expect(204);

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

describe('source identifiers: one schema per type, shared with the scraper (@jobping/contracts)', () => {
  const refused: [string, Record<string, unknown>][] = [
    ['a path in a board token', { type: 'greenhouse', identifier: '../../admin' }],
    ['a slash in a board token', { type: 'lever', identifier: 'acme/postings' }],
    ['a URL instead of a board name', { type: 'ashby', identifier: 'https://jobs.ashbyhq.com/acme' }],
    ['a board token over 100 characters', { type: 'greenhouse', identifier: 'a'.repeat(101) }],
    ['a Remotive category that is not a slug', { type: 'remotive', identifier: 'Software Dev' }],
    ['a fixture file outside fixtures/', { type: 'fixture', identifier: '/etc/passwd' }],
    ['a fixture path climbing out', { type: 'fixture', identifier: 'fixtures/../../../etc/passwd.json' }],
    ['a fixture file: URL', { type: 'fixture', identifier: 'file:///etc/passwd' }],
    ['21 search terms', { type: 'linkedin', identifier: 'eu-backend', search_terms: Array.from({ length: 21 }, (_, i) => `term ${i}`) }],
    ['a search term over 100 characters', { type: 'remoteok', identifier: 'remoteok', search_terms: ['x'.repeat(101)] }],
    ['a location over 100 characters', { type: 'linkedin', identifier: 'eu-backend', location: 'y'.repeat(101) }],
  ];

  it.each(refused)('refuses %s (400, naming the field)', async (_what, body) => {
    const res = await as(ctx, admin).post('/api/admin/sources', body).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(invalidFields(res).every((field) => /^body\.(identifier|search_terms|location)/.test(field))).toBe(true);
    expect(await ctx.prisma.jobSource.count()).toBe(0);
  });

  it('accepts the limits themselves', async () => {
    await as(ctx, admin).post('/api/admin/sources', { type: 'greenhouse', identifier: 'a'.repeat(100) }).expect(201);
    await as(ctx, admin)
      .post('/api/admin/sources', { type: 'linkedin', identifier: 'TypeScript backend', search_terms: Array.from({ length: 20 }, () => 'z'.repeat(100)), location: 'w'.repeat(100) })
      .expect(201);
    await as(ctx, admin).post('/api/admin/sources', { type: 'remotive', identifier: 'software-dev' }).expect(201);
    await ctx.prisma.jobSource.deleteMany();
  });

  it('checks what a change would make of the source: a new identifier against the current type and the reverse', async () => {
    const board = await as(ctx, admin).post('/api/admin/sources', { type: 'greenhouse', identifier: 'acme' }).expect(201);
    const res = await as(ctx, admin).patch(`/api/admin/sources/${board.body.id}`, { identifier: '../acme' }).expect(400);
    expect(invalidFields(res)).toEqual(['body.identifier']);
    const remotive = await as(ctx, admin).patch(`/api/admin/sources/${board.body.id}`, { type: 'remotive', identifier: 'Acme Inc' }).expect(400);
    expect(invalidFields(remotive)).toEqual(['body.identifier']);
    expect((await ctx.prisma.jobSource.findUniqueOrThrow({ where: { id: board.body.id } })).identifier).toBe('acme');
    await ctx.prisma.jobSource.deleteMany();
  });
});

describe('fixture sources (local files, any URL)', () => {
  it('are refused with 422 while SCRAPE_FIXTURE_SOURCES is off: created, changed into, or enabled', async () => {
    const created = await as(ctx, admin).post('/api/admin/sources', { type: 'fixture', identifier: 'fixtures/demo-board.json' }).expect(422);
    expect(created.body.error.code).toBe('fixture_sources_disabled');
    expect(created.body.error.message).toContain('SCRAPE_FIXTURE_SOURCES');
    const url = await as(ctx, admin).post('/api/admin/sources', { type: 'fixture', identifier: 'http://169.254.169.254/latest/meta-data/' }).expect(422);
    expect(url.body.error.code).toBe('fixture_sources_disabled');

    const board = await as(ctx, admin).post('/api/admin/sources', { type: 'greenhouse', identifier: 'acme' }).expect(201);
    const changed = await as(ctx, admin).patch(`/api/admin/sources/${board.body.id}`, { type: 'fixture', identifier: 'fixtures/demo-board.json' }).expect(422);
    expect(changed.body.error.code).toBe('fixture_sources_disabled');

    // A fixture row from before (the demo seed): it may be disabled or removed, not enabled.
    const old = await ctx.prisma.jobSource.create({ data: { type: 'fixture', identifier: 'fixtures/demo-board.json', enabled: false } });
    expect((await as(ctx, admin).patch(`/api/admin/sources/${old.id}`, { enabled: true }).expect(422)).body.error.code).toBe('fixture_sources_disabled');
    await as(ctx, admin).patch(`/api/admin/sources/${old.id}`, { enabled: false }).expect(200);
    await as(ctx, admin).delete(`/api/admin/sources/${old.id}`).expect(204);

    expect((await ctx.prisma.jobSource.findMany()).map((s) => s.type)).toEqual(['greenhouse']);
    await ctx.prisma.jobSource.deleteMany();
  });

  it('are accepted when SCRAPE_FIXTURE_SOURCES=true (the demo and tests), and that is refused in production', async () => {
    const demo = await startTestApp('admin_fixtures', { SCRAPE_FIXTURE_SOURCES: 'true' });
    try {
      const demoAdmin = await demo.user('admin');
      await as(demo, demoAdmin).post('/api/admin/sources', { type: 'fixture', identifier: 'fixtures/demo-board.json' }).expect(201);
    } finally {
      await demo.close();
    }
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379/0', JWT_SECRET: 'x'.repeat(48) };
    expect(loadConfig(jobsApiEnvSchema, production).SCRAPE_FIXTURE_SOURCES).toBe(false);
    expect(() => loadConfig(jobsApiEnvSchema, { ...production, SCRAPE_FIXTURE_SOURCES: 'true' })).toThrow(/^Invalid configuration: SCRAPE_FIXTURE_SOURCES is invalid \(.*NODE_ENV=production/);
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

describe('source health', () => {
  it('shows a source the scraper paused (404 three runs in a row) with its reason, and resumes it', async () => {
    const created = await as(ctx, admin).post('/api/admin/sources', { type: 'lever', identifier: 'moved-away' }).expect(201);
    // What the scraper's runner writes after the third 404 in a row (apps/scraper test/source-health.test.ts runs it).
    const reason = 'board not found (HTTP 404) — the board moved? 3 runs in a row; check the company\'s careers page, fix the identifier (or add the new board), then resume.';
    await ctx.prisma.jobSource.update({
      where: { id: created.body.id },
      data: { lastError: 'GET http://127.0.0.1/v0/postings/moved-away answered 404', consecutiveFailures: 3, consecutiveNotFound: 3, pausedAt: new Date(), pauseReason: reason, lastJobsSeen: 12 },
    });
    const listed = await as(ctx, admin).get('/api/admin/sources?type=lever').expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, paused_at: expect.any(String), pause_reason: reason, consecutive_failures: 3, last_jobs_seen: 12, enabled: true }),
    ]);

    const resumed = await as(ctx, admin).post(`/api/admin/sources/${created.body.id}/resume`).expect(200);
    expect(resumed.body).toMatchObject({ paused_at: null, pause_reason: null, consecutive_failures: 0, last_jobs_seen: 12 });
    const row = await ctx.prisma.jobSource.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ pausedAt: null, consecutiveFailures: 0, consecutiveNotFound: 0 });
    await as(ctx, admin).post('/api/admin/sources/2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b99/resume').expect(404);
    await as(ctx, admin).delete(`/api/admin/sources/${created.body.id}`).expect(204);
  });
});
