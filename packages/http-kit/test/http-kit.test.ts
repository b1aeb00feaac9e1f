import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createLogger } from '@jobping/logger';
import jwt from 'jsonwebtoken';
import { Registry } from 'prom-client';
import request from 'supertest';
import winston from 'winston';
import { z } from 'zod';
import {
  conflict,
  createHttpApp,
  defineRoute,
  signAccessToken,
  startHttpServer,
  type JwtSettings,
} from '../src/index';

function captureLogger() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const logger = createLogger({ service: 'kit-test', format: 'json', level: 'debug', transports: [new winston.transports.Stream({ stream })] });
  return { logger, lines };
}

const jwtSettings: JwtSettings = { secret: 'k'.repeat(40), issuer: 'kit-test-issuer', audience: 'kit-test-audience' };
const userId = randomUUID();

const routes = [
  defineRoute({
    method: 'post',
    path: '/api/things',
    summary: 'Create a thing',
    auth: 'public',
    body: z.object({ name: z.string().min(2), count: z.number().int().min(0) }),
    responses: { 201: { description: 'Created', schema: z.object({ name: z.string(), count: z.number() }) } },
    errors: { 409: 'Exists' },
    handler: async ({ body }) => {
      if (body.name === 'taken') throw conflict('thing_exists', 'That thing exists.');
      // `secret` is not in the response schema: it must never reach the client.
      return { status: 201, body: { ...body, secret: 'do-not-leak' } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/things/:id',
    summary: 'Read a thing',
    auth: 'bearer',
    params: z.object({ id: z.uuid() }),
    query: z.object({ verbose: z.enum(['true', 'false']).optional() }),
    responses: { 200: { description: 'The thing', schema: z.object({ id: z.string(), owner: z.string() }) } },
    handler: async ({ params, user }) => ({ status: 200, body: { id: params.id, owner: user!.id } }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/things/:id/name',
    summary: 'Rename a thing',
    auth: 'bearer',
    params: z.object({ id: z.uuid() }),
    body: z.object({ name: z.string().min(2) }),
    responses: { 200: { description: 'Renamed', schema: z.object({ name: z.string(), owner: z.string() }) } },
    handler: async ({ body, user }) => ({ status: 200, body: { name: body.name, owner: user!.id } }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/admin/things/:id',
    summary: 'Admins only',
    auth: 'bearer',
    roles: ['admin'],
    params: z.object({ id: z.uuid() }),
    responses: { 204: { description: 'Deleted' } },
    handler: async () => ({ status: 204 }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/boom',
    summary: 'Always fails',
    auth: 'public',
    responses: { 200: { description: 'never' } },
    handler: async () => {
      throw new Error('database password is hunter2');
    },
  }),
];

describe('createHttpApp', () => {
  const { logger, lines } = captureLogger();
  let healthy = true;
  const { app, openapi, setDraining } = createHttpApp({
    logger,
    registry: new Registry(),
    readiness: {
      database: async () => undefined,
      redis: async () => {
        if (!healthy) throw new Error('connection refused');
      },
    },
    routes,
    jwt: jwtSettings,
    jsonLimit: '1kb',
    openapi: { title: 'kit test', version: '1.0.0' },
  });
  const token = (roles: ('user' | 'admin')[] = ['user']) => signAccessToken(jwtSettings, { id: userId, roles }).token;

  it('answers a valid request and filters the body through the response schema', async () => {
    const res = await request(app).post('/api/things').send({ name: 'lamp', count: 2 }).expect(201);
    expect(res.body).toEqual({ name: 'lamp', count: 2 });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff'); // helmet
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('forbids anything an answer could load, run or be framed by, and sends HSTS only over https', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // Behind a trusted proxy that terminated TLS.
    const behindTls = createHttpApp({ logger, registry: new Registry(), readiness: {}, routes: [], trustProxy: 1, openapi: { title: 't', version: '1' } }).app;
    const secure = await request(behindTls).get('/healthz').set('X-Forwarded-Proto', 'https').expect(200);
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await request(behindTls).get('/healthz').set('X-Forwarded-Proto', 'http').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('lists every invalid field in one 400', async () => {
    const res = await request(app).post('/api/things').send({ name: 'x', count: -1.5 }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = new Set((res.body.error.details as { path: string }[]).map((d) => d.path));
    expect([...paths].sort()).toEqual(['body.count', 'body.name']);
  });

  it('validates params and query', async () => {
    const res = await request(app).get('/api/things/not-a-uuid?verbose=maybe').set('Authorization', `Bearer ${token()}`).expect(400);
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['params.id', 'query.verbose']));
  });

  it('answers 400 invalid_json for malformed JSON, 413 for a large body, 415 for a non-JSON body', async () => {
    const bad = await request(app).post('/api/things').set('Content-Type', 'application/json').send('{"name":').expect(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const big = await request(app).post('/api/things').send({ name: 'x'.repeat(5000), count: 1 }).expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const form = await request(app).post('/api/things').type('form').send('name=lamp&count=1').expect(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
  });

  it('maps domain errors to their status', async () => {
    const res = await request(app).post('/api/things').send({ name: 'taken', count: 1 }).expect(409);
    expect(res.body).toEqual({ error: { code: 'thing_exists', message: 'That thing exists.' } });
  });

  it('answers 500 without the message or a stack, and logs both with the request id', async () => {
    const res = await request(app).get('/api/boom').set('X-Request-Id', 'req-boom-1').expect(500);
    expect(res.body).toEqual({ error: { code: 'internal_error', message: 'Internal server error.', details: { request_id: 'req-boom-1' } } });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    await new Promise((resolve) => setImmediate(resolve));
    const logged = lines.find((line) => line.message === 'request failed');
    expect(logged).toMatchObject({ request_id: 'req-boom-1', error: 'database password is hunter2' });
    expect(String(logged?.stack)).toContain('Error: database password');
  });

  it('answers 404 in the error shape for unknown routes', async () => {
    const res = await request(app).get('/api/nope').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('writes access log lines with the request id, without the query string', async () => {
    await request(app).get('/api/things/00000000-0000-4000-8000-000000000000?token=secret').set('Authorization', `Bearer ${token()}`).set('X-Request-Id', 'req-log-1');
    await new Promise((resolve) => setImmediate(resolve));
    const line = lines.find((l) => l.message === 'request' && l.request_id === 'req-log-1');
    expect(line).toMatchObject({ method: 'GET', route: '/api/things/:id', status: 200, user_id: userId });
    expect(JSON.stringify(line)).not.toContain('token=secret');
  });

  describe('authentication', () => {
    const path = `/api/things/${randomUUID()}`;
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { sub: userId, roles: ['user'], typ: 'access', iss: jwtSettings.issuer, aud: jwtSettings.audience };

    it('accepts a valid token and exposes the user', async () => {
      const res = await request(app).get(path).set('Authorization', `Bearer ${token()}`).expect(200);
      expect(res.body.owner).toBe(userId);
    });

    it('rejects a missing token', async () => {
      const res = await request(app).get(path).expect(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('rejects alg none', async () => {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, iat: now, exp: now + 600 })}.`;
      const res = await request(app).get(path).set('Authorization', `Bearer ${unsigned}`).expect(401);
      expect(res.body.error.code).toBe('invalid_token');
    });

    it('rejects another algorithm signed with the same secret', async () => {
      const hs512 = jwt.sign(claims, jwtSettings.secret, { algorithm: 'HS512', expiresIn: 600 });
      await request(app).get(path).set('Authorization', `Bearer ${hs512}`).expect(401);
    });

    it('rejects a wrong secret, issuer, audience or token type', async () => {
      for (const [payload, secret] of [
        [claims, 'w'.repeat(40)],
        [{ ...claims, iss: 'someone-else' }, jwtSettings.secret],
        [{ ...claims, aud: 'other-api' }, jwtSettings.secret],
        [{ ...claims, typ: 'refresh' }, jwtSettings.secret],
      ] as const) {
        const forged = jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: 600 });
        const res = await request(app).get(path).set('Authorization', `Bearer ${forged}`).expect(401);
        expect(res.body.error.code).toBe('invalid_token');
      }
    });

    it('rejects an expired token', async () => {
      const past = new Date(Date.now() - 16 * 60 * 1000);
      const expired = signAccessToken(jwtSettings, { id: userId, roles: ['user'] }, past).token;
      const res = await request(app).get(path).set('Authorization', `Bearer ${expired}`).expect(401);
      expect(res.body.error.code).toBe('token_expired');
    });

    it('rejects a tampered payload', async () => {
      const [header, , signature] = token().split('.');
      const payload = jwt.decode(token()) as Record<string, unknown>;
      const tampered = `${header}.${base64url({ ...payload, roles: ['admin'] })}.${signature}`;
      await request(app).delete(`/api/admin/things/${randomUUID()}`).set('Authorization', `Bearer ${tampered}`).expect(401);
    });

    it('keeps rejecting a remembered token once it expires, and a tampered copy of it at any time', async () => {
      // Expires 2 s from now (plus the 5 s tolerance); verified once, then remembered.
      const issued = new Date(Date.now() - (15 * 60 - 2) * 1000);
      const soon = signAccessToken(jwtSettings, { id: userId, roles: ['user'] }, issued).token;
      await request(app).get(path).set('Authorization', `Bearer ${soon}`).expect(200);
      await request(app).get(path).set('Authorization', `Bearer ${soon}`).expect(200);

      const [header, payload, signature] = soon.split('.');
      const forged = `${header}.${base64url({ ...(jwt.decode(soon) as object), roles: ['admin'] })}.${signature}`;
      await request(app).delete(`/api/admin/things/${randomUUID()}`).set('Authorization', `Bearer ${forged}`).expect(401);
      const flipped = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BA' : 'AA'}`;
      await request(app).get(path).set('Authorization', `Bearer ${flipped}`).expect(401);

      const realNow = Date.now;
      const later = realNow() + 8_000;
      Date.now = () => later; // the clock jsonwebtoken and the remembered-token check both read
      try {
        const res = await request(app).get(path).set('Authorization', `Bearer ${soon}`).expect(401);
        expect(res.body.error.code).toBe('token_expired');
      } finally {
        Date.now = realNow;
      }
    });

    it('reads a JSON body only after authentication', async () => {
      const res = await request(app).put(`/api/things/${randomUUID()}/name`).set('Content-Type', 'application/json').send('{"name":').expect(401);
      expect(res.body.error.code).toBe('unauthorized');
      const bad = await request(app)
        .put(`/api/things/${randomUUID()}/name`)
        .set('Authorization', `Bearer ${token()}`)
        .set('Content-Type', 'application/json')
        .send('{"name":')
        .expect(400);
      expect(bad.body.error.code).toBe('invalid_json');
      const ok = await request(app).put(`/api/things/${randomUUID()}/name`).set('Authorization', `Bearer ${token()}`).send({ name: 'lamp' }).expect(200);
      expect(ok.body).toEqual({ name: 'lamp', owner: userId });
    });

    it('answers 403 when the role is missing and lets admins through', async () => {
      const res = await request(app).delete(`/api/admin/things/${randomUUID()}`).set('Authorization', `Bearer ${token()}`).expect(403);
      expect(res.body.error.code).toBe('forbidden');
      await request(app).delete(`/api/admin/things/${randomUUID()}`).set('Authorization', `Bearer ${token(['admin'])}`).expect(204);
    });
  });

  it('serves /healthz, /readyz (naming failing checks) and /metrics', async () => {
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    await request(app).get('/readyz').expect(200, { status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    healthy = false;
    const res = await request(app).get('/readyz').expect(503);
    expect(res.body).toEqual({ status: 'not_ready', failing: ['redis'], checks: { database: 'ok', redis: 'failed' } });
    healthy = true;
    setDraining(true);
    expect((await request(app).get('/readyz').expect(503)).body.failing).toEqual(['shutting_down']);
    setDraining(false);
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/http_requests_total\{method="POST",route="\/api\/things",status_code="201"\} \d+/);
  });

  it('serves a valid OpenAPI 3.1 document listing every route', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body).toEqual(openapi);
    const result = await validate(structuredClone(res.body));
    if (!result.valid) throw new Error(compileErrors(result));
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/things', '/api/things/{id}', '/api/admin/things/{id}', '/api/boom', '/healthz', '/readyz', '/metrics']),
    );
    const create = res.body.paths['/api/things'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['name', 'count']);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '413', '415', '500']));
    expect(res.body.paths['/api/admin/things/{id}'].delete.security).toEqual([{ bearerAuth: [] }]);
  });

  it('serves over a real socket and closes gracefully', async () => {
    const started = await startHttpServer(app, { port: 0, host: '127.0.0.1', logger });
    const res = await fetch(`http://127.0.0.1:${started.port}/healthz`);
    expect(res.status).toBe(200);
    await started.close();
    expect(started.server.listening).toBe(false);
  });
});

describe('CORS', () => {
  const { logger } = captureLogger();
  const { app } = createHttpApp({
    logger,
    registry: new Registry(),
    readiness: {},
    routes,
    jwt: jwtSettings,
    corsOrigins: ['http://localhost:3000'],
    openapi: { title: 'cors test', version: '1.0.0' },
  });

  it('answers preflights and echoes only allowed origins', async () => {
    const preflight = await request(app).options('/api/things').set('Origin', 'http://localhost:3000').set('Access-Control-Request-Method', 'POST').expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    const other = await request(app).post('/api/things').set('Origin', 'https://evil.example').send({ name: 'lamp', count: 1 }).expect(201);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('pre-serialized JSON bodies', () => {
  const pageSchema = z.object({ items: z.array(z.object({ id: z.string() })), next_cursor: z.string().nullable() });
  const serialized = (json: string | Buffer) => [
    defineRoute({
      method: 'get',
      path: '/api/page',
      summary: 'A page assembled as text',
      auth: 'public',
      responses: { 200: { description: 'a page', schema: pageSchema } },
      handler: async () => ({ status: 200, json }),
    }),
  ];
  const appFor = (json: string | Buffer, checkSerializedBodies?: boolean) =>
    createHttpApp({
      logger: captureLogger().logger,
      registry: new Registry(),
      readiness: {},
      routes: serialized(json),
      ...(checkSerializedBodies === undefined ? {} : { checkSerializedBodies }),
      openapi: { title: 'serialized', version: '1.0.0' },
    }).app;

  it('sends a body that matches its schema as is, typed as JSON', async () => {
    const json = '{"items":[{"id":"a"}],"next_cursor":null}';
    const res = await request(appFor(json)).get('/api/page').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toBe(json);
    const bytes = await request(appFor(Buffer.from(json))).get('/api/page').expect(200);
    expect(bytes.headers['content-type']).toMatch(/^application\/json/);
    expect(bytes.text).toBe(json);
  });

  it('answers 500 instead of leaking a field the schema does not name, unless the check is off', async () => {
    const leaky = '{"items":[{"id":"a","password_hash":"x"}],"next_cursor":null}';
    const res = await request(appFor(leaky)).get('/api/page').expect(500);
    expect(res.text).not.toContain('password_hash');
    const invalid = '{"items":[{"id":1}],"next_cursor":null}';
    await request(appFor(invalid)).get('/api/page').expect(500);
    // Production trusts the assembling code (tests run with the check on).
    expect((await request(appFor(leaky, false)).get('/api/page').expect(200)).text).toBe(leaky);
  });
});
