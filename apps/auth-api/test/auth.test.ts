import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { hashRefreshToken } from '../src/services/tokens';
import { PASSWORD, bearer, newEmail, register, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('auth');
});
afterAll(async () => ctx?.close());

const issues = (res: request.Response) => (res.body.error.details as { path: string; message: string }[]).map((d) => d.path);

describe('POST /api/register', () => {
  it('creates the account with a normalised e-mail and answers a session', async () => {
    const email = newEmail('Mixed.Case');
    const res = await request(ctx.app).post('/api/register').send({ email: `  ${email.toUpperCase()} `, password: PASSWORD }).expect(201);
    expect(res.body.user).toMatchObject({ email: email.toLowerCase(), role: 'user', threshold: 70, prompt: null, discord: { status: 'not_set' } });
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    expect(typeof res.body.access_token).toBe('string');
    expect(res.body.refresh_token.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    const stored = await ctx.prisma.user.findUniqueOrThrow({ where: { id: res.body.user.id } });
    expect(stored.email).toBe(email.toLowerCase());
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // Only the hash of the refresh token is stored.
    const tokens = await ctx.prisma.refreshToken.findMany({ where: { userId: res.body.user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(hashRefreshToken(res.body.refresh_token));
    expect(tokens[0]!.tokenHash).not.toContain(res.body.refresh_token);
  });

  it('issues a pinned HS256 access token with issuer, audience, 15 minutes and roles', async () => {
    const session = await register(ctx.app);
    const decoded = jwt.decode(session.access_token, { complete: true }) as { header: { alg: string }; payload: Record<string, unknown> };
    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.payload).toMatchObject({ sub: session.user.id, roles: ['user'], iss: ctx.config.JWT_ISSUER, aud: ctx.config.JWT_AUDIENCE });
    expect((decoded.payload.exp as number) - (decoded.payload.iat as number)).toBe(900);
  });

  it('answers 409 for an e-mail that exists, in any case', async () => {
    const email = newEmail();
    await register(ctx.app, email);
    const res = await request(ctx.app).post('/api/register').send({ email: email.toUpperCase(), password: PASSWORD }).expect(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it.each([
    ['a malformed e-mail', { email: 'not-an-email', password: PASSWORD }, 'body.email'],
    ['a missing e-mail', { password: PASSWORD }, 'body.email'],
    ['a short password', { email: 'short@example.com', password: 'Sh0rt!' }, 'body.password'],
    ['a missing password', { email: 'nopass@example.com' }, 'body.password'],
    ['a common password', { email: 'common@example.com', password: 'password123' }, 'body.password'],
    ['a common password with a suffix', { email: 'common2@example.com', password: 'Iloveyou2024!' }, 'body.password'],
    ['a password of one character', { email: 'same@example.com', password: 'aaaaaaaaaaaa' }, 'body.password'],
    ['the e-mail as password', { email: 'johnsmith@example.com', password: 'johnsmith@example.com' }, 'body.password'],
    ['an over-long password', { email: 'long@example.com', password: 'x'.repeat(300) }, 'body.password'],
    ['a non-string password', { email: 'num@example.com', password: 12345678901 }, 'body.password'],
  ])('answers 400 for %s', async (_name, body, path) => {
    const res = await request(ctx.app).post('/api/register').send(body).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(issues(res)).toContain(path);
  });

  it('answers 415 for a form body and 400 for broken JSON', async () => {
    await request(ctx.app).post('/api/register').type('form').send({ email: 'f@example.com', password: PASSWORD }).expect(415);
    const res = await request(ctx.app).post('/api/register').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await request(ctx.app).post('/api/register').send({ email: 'big@example.com', password: 'x'.repeat(20_000) }).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('POST /api/login', () => {
  const email = newEmail('login');
  beforeAll(async () => {
    await register(ctx.app, email);
  });

  it('logs in with any case of the e-mail', async () => {
    const res = await request(ctx.app).post('/api/login').send({ email: email.toUpperCase(), password: PASSWORD }).expect(200);
    expect(res.body.user.email).toBe(email);
    expect(typeof res.body.refresh_token).toBe('string');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const wrong = await request(ctx.app).post('/api/login').send({ email, password: 'not the password at all' }).expect(401);
    const unknown = await request(ctx.app).post('/api/login').send({ email: newEmail('ghost'), password: 'not the password at all' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({ code: 'invalid_credentials', message: 'The e-mail or password is wrong.' });
  });

  it('validates the body', async () => {
    const res = await request(ctx.app).post('/api/login').send({ email: 'x', password: '' }).expect(400);
    expect(issues(res).sort()).toEqual(['body.email', 'body.password']);
  });
});

describe('refresh tokens', () => {
  it('rotates: the new pair works, the old refresh token is used up', async () => {
    const session = await register(ctx.app);
    const res = await request(ctx.app).post('/api/token/refresh').send({ refresh_token: session.refresh_token }).expect(200);
    expect(res.body.refresh_token).not.toBe(session.refresh_token);
    expect(res.body.user.id).toBe(session.user.id);
    await request(ctx.app).get('/api/users/me').set('Authorization', bearer(res.body)).expect(200);
    const rows = await ctx.prisma.refreshToken.findMany({ where: { userId: session.user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.rotatedAt).not.toBeNull();
    expect(rows[0]!.replacedById).toBe(rows[1]!.id);
    expect(rows[0]!.familyId).toBe(rows[1]!.familyId);
  });

  it('revokes the whole family when a rotated token is presented again', async () => {
    const session = await register(ctx.app);
    const other = (await request(ctx.app).post('/api/login').send({ email: session.user.email, password: PASSWORD }).expect(200)).body;
    const second = (await request(ctx.app).post('/api/token/refresh').send({ refresh_token: session.refresh_token }).expect(200)).body;
    const third = (await request(ctx.app).post('/api/token/refresh').send({ refresh_token: second.refresh_token }).expect(200)).body;

    // An attacker replays the first token.
    const replay = await request(ctx.app).post('/api/token/refresh').send({ refresh_token: session.refresh_token }).expect(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');

    // The legitimate newest token of that family is dead too…
    const afterwards = await request(ctx.app).post('/api/token/refresh').send({ refresh_token: third.refresh_token }).expect(401);
    expect(afterwards.body.error.code).toBe('refresh_token_reused');
    // …but the session of another login (another family) lives on.
    await request(ctx.app).post('/api/token/refresh').send({ refresh_token: other.refresh_token }).expect(200);
  });

  it('rejects unknown and expired refresh tokens', async () => {
    const unknown = await request(ctx.app).post('/api/token/refresh').send({ refresh_token: 'x'.repeat(43) }).expect(401);
    expect(unknown.body.error.code).toBe('invalid_refresh_token');
    const session = await register(ctx.app);
    await ctx.prisma.refreshToken.updateMany({ where: { userId: session.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await request(ctx.app).post('/api/token/refresh').send({ refresh_token: session.refresh_token }).expect(401);
  });

  it('validates the body', async () => {
    const res = await request(ctx.app).post('/api/token/refresh').send({}).expect(400);
    expect(issues(res)).toEqual(['body.refresh_token']);
  });
});

describe('POST /api/logout', () => {
  it('ends the session of the refresh token', async () => {
    const session = await register(ctx.app);
    await request(ctx.app).post('/api/logout').set('Authorization', bearer(session)).send({ refresh_token: session.refresh_token }).expect(204);
    await request(ctx.app).post('/api/token/refresh').send({ refresh_token: session.refresh_token }).expect(401);
  });

  it('with all_sessions ends every session of the account', async () => {
    const session = await register(ctx.app);
    const other = (await request(ctx.app).post('/api/login').send({ email: session.user.email, password: PASSWORD }).expect(200)).body;
    await request(ctx.app)
      .post('/api/logout')
      .set('Authorization', bearer(session))
      .send({ refresh_token: session.refresh_token, all_sessions: true })
      .expect(204);
    await request(ctx.app).post('/api/token/refresh').send({ refresh_token: other.refresh_token }).expect(401);
  });

  it('requires a bearer token and a refresh token', async () => {
    const session = await register(ctx.app);
    await request(ctx.app).post('/api/logout').send({ refresh_token: session.refresh_token }).expect(401);
    const res = await request(ctx.app).post('/api/logout').set('Authorization', bearer(session)).send({ all_sessions: 'yes' }).expect(400);
    expect(issues(res).sort()).toEqual(['body.all_sessions', 'body.refresh_token']);
  });

  it("cannot end another user's session", async () => {
    const alice = await register(ctx.app);
    const bob = await register(ctx.app);
    await request(ctx.app).post('/api/logout').set('Authorization', bearer(alice)).send({ refresh_token: bob.refresh_token, all_sessions: true }).expect(204);
    await request(ctx.app).post('/api/token/refresh').send({ refresh_token: bob.refresh_token }).expect(200);
  });
});

describe('JWT attacks on a protected route', () => {
  let session: Awaited<ReturnType<typeof register>>;
  beforeAll(async () => {
    session = await register(ctx.app);
  });
  const me = (token: string) => request(ctx.app).get('/api/users/me').set('Authorization', `Bearer ${token}`);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = () => ({ sub: session.user.id, roles: ['user'], typ: 'access', iss: ctx.config.JWT_ISSUER, aud: ctx.config.JWT_AUDIENCE });

  it('accepts the genuine token', async () => {
    await me(session.access_token).expect(200);
  });

  it('rejects alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await me(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), iat: now, exp: now + 600 })}.`).expect(401);
    expect(res.body.error.code).toBe('invalid_token');
  });

  it('rejects a token signed with another secret', async () => {
    await me(jwt.sign(claims(), 'another-secret-that-is-long-enough-0000', { algorithm: 'HS256', expiresIn: 600 })).expect(401);
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await me(jwt.sign({ ...claims(), iat: now - 1000, exp: now - 100 }, ctx.config.JWT_SECRET, { algorithm: 'HS256' })).expect(401);
    expect(res.body.error.code).toBe('token_expired');
  });

  it('rejects a token living longer than 15 minutes even if its exp says otherwise', async () => {
    const now = Math.floor(Date.now() / 1000);
    await me(jwt.sign({ ...claims(), iat: now - 3600, exp: now + 3600 }, ctx.config.JWT_SECRET, { algorithm: 'HS256' })).expect(401);
  });

  it('rejects a tampered payload', async () => {
    const victim = await register(ctx.app);
    const [header, payload, signature] = session.access_token.split('.');
    const changed = { ...(JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object), sub: victim.user.id };
    await me(`${header}.${b64(changed)}.${signature}`).expect(401);
  });

  it('rejects wrong issuer or audience and garbage', async () => {
    await me(jwt.sign({ ...claims(), iss: 'evil' }, ctx.config.JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 })).expect(401);
    await me(jwt.sign({ ...claims(), aud: 'evil' }, ctx.config.JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 })).expect(401);
    await me('garbage').expect(401);
    await request(ctx.app).get('/api/users/me').expect(401);
  });

  it('does not accept a refresh token as an access token', async () => {
    await me(session.refresh_token).expect(401);
  });
});
