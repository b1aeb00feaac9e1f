import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { jobSourceTypes } from '@jobping/contracts';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis } from '@jobping/redis';
import { compileErrors, validate } from '@readme/openapi-parser';
import request from 'supertest';
import winston from 'winston';
import { createApp } from '../src/app';
import { jobsApiOpenApiDocument } from '../src/openapi';
import { jobsApiEnvSchema } from '../src/config';
import { ScrapeQueueProducer } from '../src/services/scrape-queue-producer';
import { limitClause } from '../src/services/list-read-model';
import { as, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('service');
});
afterAll(async () => ctx?.close());

const ROUTES = [
  'get /api/jobs',
  'get /api/jobs/{id}',
  'post /api/jobs/fetch',
  'get /api/scrape-runs/{id}',
  'get /api/users/me/matches',
  'get /api/users/me/decisions',
  'get /api/users/me/near-misses',
  'get /api/users/me/threshold-preview',
  'post /api/users/me/matches/{jobId}/feedback',
  'put /api/users/me/jobs/{jobId}/not-interested',
  'delete /api/users/me/jobs/{jobId}/not-interested',
  'get /api/notifications',
  'post /api/notifications/{id}/read',
  'post /api/notifications/read-all',
  'get /api/users/me/channels',
  'post /api/users/me/channels',
  'patch /api/users/me/channels/{id}',
  'delete /api/users/me/channels/{id}',
  'post /api/users/me/channels/{id}/test',
  'post /api/unsubscribe/{token}',
  'get /api/admin/sources',
  'post /api/admin/sources',
  'post /api/admin/sources/detect',
  'post /api/admin/sources/{id}/resume',
  'patch /api/admin/sources/{id}',
  'delete /api/admin/sources/{id}',
  'get /api/admin/pipeline',
  'get /healthz',
  'get /readyz',
  'get /metrics',
  'get /api/openapi.json',
];

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document listing every route, and only those', async () => {
    const res = await request(ctx.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(res.body));
    if (!result.valid) throw new Error(compileErrors(result));
    const listed = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
  });

  it('is the document built without services or databases (jobsApiOpenApiDocument, what the web app generates its types from)', () => {
    expect(jobsApiOpenApiDocument()).toEqual(ctx.openapi);
  });

  it('documents parameters, bodies, security and errors from the same zod schemas', async () => {
    const { paths } = (await request(ctx.app).get('/api/openapi.json')).body;
    const list = paths['/api/jobs'].get;
    const params = (list.parameters as { name: string; in: string }[]).map((p) => `${p.in}.${p.name}`);
    expect(params).toEqual(expect.arrayContaining(['query.q', 'query.remote', 'query.location', 'query.company', 'query.posted_since', 'query.min_salary', 'query.limit', 'query.cursor']));
    expect(list.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(Object.keys(paths['/api/admin/sources'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    // One body per source type (discriminated by `type`), each with its identifier rule.
    const variants = paths['/api/admin/sources'].post.requestBody.content['application/json'].schema.oneOf as {
      properties: { type: { const: string }; identifier: Record<string, unknown> };
    }[];
    expect(variants.map((v) => v.properties.type.const)).toEqual([...jobSourceTypes]);
    expect(variants[0]?.properties.identifier).toMatchObject({ maxLength: 100, pattern: expect.any(String) });
    expect(Object.keys(paths['/api/admin/sources'].post.responses)).toContain('422');
    expect(Object.keys(paths['/api/jobs/fetch'].post.responses)).toEqual(expect.arrayContaining(['202', '429', '503']));
  });
});

describe('ops endpoints', () => {
  it('answers /healthz, /readyz and /metrics', async () => {
    await request(ctx.app).get('/healthz').expect(200);
    await request(ctx.app).get('/readyz').expect(200);
    const metrics = await request(ctx.app).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request');
  });

  it('answers them at the root only: under /api, where the Ingress sends every other path, any spelling is a 404', async () => {
    // Sent as written over plain HTTP: supertest would resolve the dot segments first.
    const server = ctx.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpGet({ host: '127.0.0.1', port, path }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
    try {
      const under = ['/api/metrics', '/api/metrics/', '/api/healthz', '/api/readyz', '/api/../metrics', '/api/%2e%2e/metrics', '/api/..%2fmetrics', '/api//metrics', '/api%2fmetrics', '//metrics', '/%6detrics', '/metrics/../api/jobs'];
      for (const path of under) {
        const res = await get(path);
        expect({ path, status: res.status, metrics: res.body.includes('http_request') }).toEqual({ path, status: 404, metrics: false });
      }
      // The root answers as Express matches it: any case, one trailing slash (deploy-check's apiOpsEndpoint).
      for (const path of ['/metrics', '/METRICS', '/metrics/']) expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers unknown routes with the error shape, never a stack trace', async () => {
    const res = await request(ctx.app).get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});

describe('POST /api/jobs/fetch while the queue is unreachable', () => {
  it('answers 503 at once and marks the run failed', async () => {
    // A queue whose Redis connection is down (closed here, as if Redis had gone away).
    const lost = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15', {
      connectionName: 'jobs-api-test-lost',
      overrides: { enableOfflineQueue: false, lazyConnect: true },
    });
    lost.disconnect();
    const queue = new ScrapeQueueProducer(lost, `${ctx.bullPrefix}-lost`);
    queue.queue.on('error', () => undefined);
    const { app } = createApp({
      config: jobsApiEnvSchema.parse({ ...ctx.config, TRUST_PROXY: 'false', CORS_ORIGINS: '', SOURCE_DETECT_ALLOWED_HOSTS: '', SCRAPE_FIXTURE_SOURCES: String(ctx.config.SCRAPE_FIXTURE_SOURCES), JOBPING_WEBHOOK_ALLOWED_HOSTS: '' }),
      logger: createLogger({ service: 'jobs-api-test', level: 'error', transports: [new winston.transports.Stream({ stream: new PassThrough() })] }),
      prisma: ctx.prisma,
      pool: ctx.pool,
      redis: ctx.redis,
      scrapeQueue: queue,
      registry: createMetricsRegistry('jobs-api', { defaultMetrics: false }),
      changes: ctx.changes,
    });
    const user = await ctx.user();
    const res = await request(app).post('/api/jobs/fetch').set('Authorization', `Bearer ${user.token}`).expect(503);
    expect(res.body.error.code).toBe('queue_unavailable');
    const [run] = await ctx.prisma.scrapeRun.findMany({ where: { requestedById: user.id } });
    expect(run).toMatchObject({ status: 'failed', error: 'the run could not be queued', finishedAt: expect.any(Date) });
    // The healthy app still works.
    await as(ctx, user).post('/api/jobs/fetch').expect(202);
    const admin = await ctx.user('admin');
    const pipeline = await request(app).get('/api/admin/pipeline').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(pipeline.body.scrape_queue).toBeNull();
    await queue.close().catch(() => undefined);
  });
});

describe('limitClause', () => {
  it('writes a validated page size into the statement and refuses anything else', () => {
    expect(limitClause(51).sql).toBe('LIMIT 51');
    expect(limitClause(51).values).toEqual([]);
    for (const bad of [0, -1, 1.5, Number.NaN, 1001, '51 OR 1=1' as unknown as number]) expect(() => limitClause(bad)).toThrow(RangeError);
  });
});
