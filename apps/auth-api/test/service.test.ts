import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compileErrors, validate } from '@readme/openapi-parser';
import request from 'supertest';
import { authApiOpenApiDocument } from '../src/openapi';
import { authApiPaths } from '../src/routes';
import { PASSWORD, register, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('service');
});
afterAll(async () => ctx?.close());

const ROUTES = [
  'post /api/register',
  'post /api/login',
  'post /api/token/refresh',
  'post /api/logout',
  'get /api/users/me',
  'put /api/users/me/prompt',
  'put /api/users/me/discord',
  'post /api/users/me/discord/test',
  'put /api/users/me/threshold',
  'put /api/users/me/filters',
  'get /api/users/me/mutes',
  'post /api/users/me/mutes',
  'delete /api/users/me/mutes/{id}',
  'put /api/users/me/snooze',
  'delete /api/users/me',
  'post /api/users/me/email/verification',
  'post /api/email/verify',
  'post /api/password/forgot',
  'post /api/password/reset',
  'get /healthz',
  'get /readyz',
  'get /metrics',
  'get /api/openapi.json',
];

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await request(ctx.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(res.body));
    if (!result.valid) throw new Error(compileErrors(result));
  });

  it('is the document built without services or databases (authApiOpenApiDocument, what the web app generates its types from)', () => {
    expect(authApiOpenApiDocument()).toEqual(ctx.openapi);
  });

  it('lists every route, and only those', async () => {
    const res = await request(ctx.app).get('/api/openapi.json').expect(200);
    const listed = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
  });

  it('documents bodies, security and errors from the same zod schemas', async () => {
    const { paths } = (await request(ctx.app).get('/api/openapi.json')).body;
    const threshold = paths['/api/users/me/threshold'].put;
    expect(threshold.requestBody.content['application/json'].schema.properties.threshold).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
    expect(threshold.security).toEqual([{ bearerAuth: [] }]);
    expect(paths['/api/login'].post.security).toEqual([]);
    expect(Object.keys(paths['/api/login'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429', '500']));
    expect(paths['/api/users/me/prompt'].put.requestBody.content['application/json'].schema.properties.prompt.anyOf[0].maxLength).toBe(4000);
    const user = paths['/api/users/me'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(user.properties)).not.toContain('password_hash');
  });

  it('every documented answer matches what the service actually sends', async () => {
    // A response that did not match its schema would have been a 500: the schemas filter answers.
    const session = await register(ctx.app);
    const res = await request(ctx.app).post('/api/login').send({ email: session.user.email, password: PASSWORD }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_expires_at', 'token_type', 'user']);
  });

  it('declares exactly the paths the servers in front route to it (authApiPaths)', () => {
    // Besides its routes, the document lists the ops endpoints and itself, which no proxy sends here.
    const documented = Object.keys(ctx.openapi.paths as object)
      .filter((path) => path.startsWith('/api/') && path !== '/api/openapi.json')
      .map((path) => path.replace(/\{(\w+)\}/g, ':$1'));
    expect(documented.sort()).toEqual(authApiPaths());
  });
});

describe('operations endpoints', () => {
  it('/healthz answers', async () => {
    await request(ctx.app).get('/healthz').expect(200, { status: 'ok' });
  });

  it('/readyz checks the real database and Redis', async () => {
    await request(ctx.app).get('/readyz').expect(200, { status: 'ready', checks: { database: 'ok', redis: 'ok' } });
  });

  it('/metrics shows request and login metrics', async () => {
    const session = await register(ctx.app);
    await request(ctx.app).post('/api/login').send({ email: session.user.email, password: PASSWORD }).expect(200);
    await request(ctx.app).post('/api/login').send({ email: session.user.email, password: 'wrong password!' }).expect(401);
    const res = await request(ctx.app).get('/metrics').expect(200);
    expect(res.text).toMatch(/auth_login_attempts_total\{outcome="success",service="auth-api"\} [1-9]/);
    expect(res.text).toMatch(/auth_login_attempts_total\{outcome="failure",service="auth-api"\} [1-9]/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
  });

  it('answers unknown routes with 404 in the error shape and carries a request id', async () => {
    const res = await request(ctx.app).get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
