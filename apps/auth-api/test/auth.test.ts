import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { hashRefreshToken } from '../src/services/tokens';
import { PASSWORD, bearer, login, logout, newEmail, refresh, refreshCookieOf, register, sessionOf, setCookies, startTestApp, type TestContext } from './helpers';

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
    const refreshToken = refreshCookieOf(res);
    expect(refreshToken.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    const stored = await ctx.prisma.user.findUniqueOrThrow({ where: { id: res.body.user.id } });
    expect(stored.email).toBe(email.toLowerCase());
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // Only the hash of the refresh token is stored.
    const tokens = await ctx.prisma.refreshToken.findMany({ where: { userId: res.body.user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(hashRefreshToken(refreshToken));
    expect(tokens[0]!.tokenHash).not.toContain(refreshToken);
  });

  it('issues a pinned HS256 access token with issuer, audience, 15 minutes and roles', async () => {
    const session = await register(ctx.app);
    const decoded = jwt.decode(session.access_token, { complete: true }) as { header: { alg: string }; payload: Record<string, unknown> };
    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.payload).toMatchObject({ sub: session.user.id, roles: ['user'], iss: ctx.config.JWT_ISSUER, aud: ctx.config.JWT_AUDIENCE });
    expect((decoded.payload.exp as number) - (decoded.payload.iat as number)).toBe(900);
  });

  it('answers a taken address exactly like a new one, with a provisional account that reaches nothing of the owner', async () => {
    const email = newEmail('owner');
    const owner = await register(ctx.app, email);
    await request(ctx.app).put('/api/users/me/prompt').set('Authorization', bearer(owner)).send({ prompt: 'Owner’s secret prompt' }).expect(200);

    const other = 'another long password here';
    const fresh = await request(ctx.app).post('/api/register').send({ email: newEmail('fresh'), password: other });
    const taken = await request(ctx.app).post('/api/register').send({ email: email.toUpperCase(), password: other });
    // The same status, body shape and cookies: nothing tells the two apart.
    expect([fresh.status, taken.status]).toEqual([201, 201]);
    const shape = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
    expect(shape(taken.body)).toEqual(shape(fresh.body));
    expect(setCookies(taken).map((c) => [c.name, c.httpOnly, c.path])).toEqual(setCookies(fresh).map((c) => [c.name, c.httpOnly, c.path]));
    expect(taken.body.user).toMatchObject({ email, email_verified: false, role: 'user', prompt: null });

    // A provisional account of its own: not the owner's, no second account with the address.
    const provisional = sessionOf(taken);
    expect(provisional.user.id).not.toBe(owner.user.id);
    expect(await ctx.prisma.user.count({ where: { email } })).toBe(1);
    const stored = await ctx.prisma.user.findUniqueOrThrow({ where: { id: provisional.user.id } });
    expect(stored).toMatchObject({ signupEmail: email, emailVerifiedAt: null, role: 'user' });
    expect(stored.email).toMatch(/@provisional\.invalid$/);
    const me = await request(ctx.app).get('/api/users/me').set('Authorization', bearer(provisional)).expect(200);
    expect(me.body).toMatchObject({ id: provisional.user.id, email, prompt: null });

    // Each password logs into its own account, as with two addresses.
    expect((await login(ctx.app, email)).user.id).toBe(owner.user.id);
    expect((await login(ctx.app, email, other)).user.id).toBe(provisional.user.id);
    const wrong = await request(ctx.app).post('/api/login').send({ email, password: 'neither of the two passwords' }).expect(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    // The owner's account is untouched.
    expect((await ctx.prisma.user.findUniqueOrThrow({ where: { id: owner.user.id } })).aiPrompt).toBe('Owner’s secret prompt');
  });

  it('purges provisional accounts after PROVISIONAL_ACCOUNT_TTL_DAYS', async () => {
    const email = newEmail('purged');
    await register(ctx.app, email);
    const old = await register(ctx.app, email, 'another long password here');
    await ctx.prisma.user.update({ where: { id: old.user.id }, data: { createdAt: new Date(Date.now() - (ctx.config.PROVISIONAL_ACCOUNT_TTL_DAYS + 1) * 86_400_000) } });
    const recent = await register(ctx.app, email, 'a third long password here');
    expect(await ctx.prisma.user.count({ where: { id: old.user.id } })).toBe(0);
    expect(await ctx.prisma.user.count({ where: { id: recent.user.id } })).toBe(1);
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
    expect(typeof refreshCookieOf(res)).toBe('string');
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

describe('the refresh cookie', () => {
  it.each([
    ['register', () => request(ctx.app).post('/api/register').send({ email: newEmail('cookie'), password: PASSWORD })],
    ['login', async () => request(ctx.app).post('/api/login').send({ email: (await register(ctx.app)).user.email, password: PASSWORD })],
    ['refresh', async () => refresh(ctx.app, (await register(ctx.app)).refresh_token)],
  ])('%s sets it httpOnly, SameSite=Strict, only for the routes that read it, for the token\'s remaining life', async (_name, send) => {
    const res = await send();
    expect(res.status).toBeLessThan(300);
    const cookies = setCookies(res);
    expect(cookies.map((c) => c.path).sort()).toEqual(['/api/logout', '/api/token/refresh']);
    const token = refreshCookieOf(res);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ name: 'jobping_refresh', value: token, httpOnly: true, sameSite: 'Strict' });
      expect(cookie.secure).toBeUndefined(); // plain http outside production
      // Max-Age is the token's remaining life: 30 days here, give or take the test's own time.
      expect(Math.abs((cookie.maxAge ?? 0) - 30 * 24 * 3600)).toBeLessThan(60);
      expect(cookie.expires?.getTime()).toBeCloseTo(Date.parse(res.body.refresh_expires_at), -5);
    }
  });

  it('is never in an answer body', async () => {
    const registered = await request(ctx.app).post('/api/register').send({ email: newEmail('nobody'), password: PASSWORD }).expect(201);
    const loggedIn = await request(ctx.app).post('/api/login').send({ email: registered.body.user.email, password: PASSWORD }).expect(200);
    const renewed = await refresh(ctx.app, refreshCookieOf(loggedIn)).expect(200);
    for (const res of [registered, loggedIn, renewed]) {
      expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_expires_at', 'token_type', 'user']);
      expect(res.text).not.toContain(refreshCookieOf(res));
    }
  });

  it('is Secure behind a trusted proxy that says https, and always in production', async () => {
    const proxied = await startTestApp('cookie_https', { TRUST_PROXY: '1' });
    const production = await startTestApp('cookie_prod', { NODE_ENV: 'production' });
    try {
      const overHttps = await request(proxied.app).post('/api/register').set('X-Forwarded-Proto', 'https').send({ email: newEmail('tls'), password: PASSWORD }).expect(201);
      expect(setCookies(overHttps).map((c) => c.secure)).toEqual([true, true]);
      const overHttp = await request(proxied.app).post('/api/register').set('X-Forwarded-Proto', 'http').send({ email: newEmail('plain'), password: PASSWORD }).expect(201);
      expect(setCookies(overHttp).map((c) => c.secure ?? false)).toEqual([false, false]);
      // An untrusted client cannot claim https for itself… and in production it does not matter.
      const claimed = await request(ctx.app).post('/api/register').set('X-Forwarded-Proto', 'https').send({ email: newEmail('claim'), password: PASSWORD }).expect(201);
      expect(setCookies(claimed).map((c) => c.secure ?? false)).toEqual([false, false]);
      const prod = await request(production.app).post('/api/register').send({ email: newEmail('prod'), password: PASSWORD }).expect(201);
      expect(setCookies(prod).map((c) => c.secure)).toEqual([true, true]);
    } finally {
      await proxied.close();
      await production.close();
    }
  });
});

describe('POST /api/token/refresh', () => {
  it('rotates: the new session works, the old refresh token is used up', async () => {
    const session = await register(ctx.app);
    const res = await refresh(ctx.app, session.refresh_token).expect(200);
    expect(refreshCookieOf(res)).not.toBe(session.refresh_token);
    expect(res.body.user.id).toBe(session.user.id);
    await request(ctx.app).get('/api/users/me').set('Authorization', bearer(res.body)).expect(200);
    const rows = await ctx.prisma.refreshToken.findMany({ where: { userId: session.user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.rotatedAt).not.toBeNull();
    expect(rows[0]!.replacedById).toBe(rows[1]!.id);
    expect(rows[0]!.familyId).toBe(rows[1]!.familyId);
    // The successor is kept only sealed: neither it nor its hash's preimage is readable from the row.
    expect(rows[0]!.successorSealed).toBeTruthy();
    expect(rows[0]!.successorSealed).not.toContain(refreshCookieOf(res));
  });

  it('revokes the whole family when a rotated token is presented again after the grace window', async () => {
    const session = await register(ctx.app);
    const other = await login(ctx.app, session.user.email);
    const second = sessionOf(await refresh(ctx.app, session.refresh_token).expect(200));
    const third = sessionOf(await refresh(ctx.app, second.refresh_token).expect(200));
    // The grace window (10 s) has passed for both rotations.
    await ctx.prisma.refreshToken.updateMany({ where: { userId: session.user.id, rotatedAt: { not: null } }, data: { rotatedAt: new Date(Date.now() - 60_000) } });

    // An attacker replays the first token.
    const replay = await refresh(ctx.app, session.refresh_token).expect(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');
    // The answer clears the cookie.
    expect(setCookies(replay).map((c) => [c.path, c.value, c.expires && c.expires.getTime() <= Date.now()])).toEqual([
      ['/api/token/refresh', '', true],
      ['/api/logout', '', true],
    ]);

    // The legitimate newest token of that family is dead too…
    const afterwards = await refresh(ctx.app, third.refresh_token).expect(401);
    expect(afterwards.body.error.code).toBe('refresh_token_reused');
    // …but the session of another login (another family) lives on.
    await refresh(ctx.app, other.refresh_token).expect(200);
  });

  it('gives two tabs refreshing at once the same new session, and keeps it alive', async () => {
    const session = await register(ctx.app);
    // Both tabs send the cookie they share, at the same moment (several times over, to make the race real).
    const answers = await Promise.all(Array.from({ length: 4 }, () => refresh(ctx.app, session.refresh_token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const tokens = new Set(answers.map(refreshCookieOf));
    expect(tokens.size).toBe(1);
    for (const answer of answers) await request(ctx.app).get('/api/users/me').set('Authorization', bearer(answer.body)).expect(200);
    // The session goes on: the shared new token renews as usual.
    const [token] = [...tokens];
    await refresh(ctx.app, token!).expect(200);
    const rows = await ctx.prisma.refreshToken.findMany({ where: { userId: session.user.id } });
    expect(rows.filter((r) => r.revokedAt)).toEqual([]);
    expect(rows).toHaveLength(3);
  });

  it('within the grace window hands a late tab the newest token, even after the other tab renewed again', async () => {
    const session = await register(ctx.app);
    const second = sessionOf(await refresh(ctx.app, session.refresh_token).expect(200));
    const third = sessionOf(await refresh(ctx.app, second.refresh_token).expect(200));
    const late = await refresh(ctx.app, session.refresh_token).expect(200);
    expect(refreshCookieOf(late)).toBe(third.refresh_token);
  });

  it('does not hand out a session that was logged out, even within the grace window', async () => {
    const session = await register(ctx.app);
    const second = sessionOf(await refresh(ctx.app, session.refresh_token).expect(200));
    await logout(ctx.app, second.refresh_token).expect(204);
    const res = await refresh(ctx.app, session.refresh_token).expect(401);
    expect(res.body.error.code).toBe('refresh_token_reused');
  });

  it('rejects unknown and expired refresh tokens', async () => {
    const unknown = await refresh(ctx.app, 'x'.repeat(43)).expect(401);
    expect(unknown.body.error.code).toBe('invalid_refresh_token');
    const session = await register(ctx.app);
    await ctx.prisma.refreshToken.updateMany({ where: { userId: session.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await refresh(ctx.app, session.refresh_token).expect(401);
  });

  it('answers 204 when no cookie came: there is no session to restore', async () => {
    const res = await request(ctx.app).post('/api/token/refresh').send({}).expect(204);
    expect(res.text).toBe('');
  });

  it('ignores a refresh token in the body: only the cookie counts', async () => {
    const session = await register(ctx.app);
    const res = await request(ctx.app).post('/api/token/refresh').send({ refresh_token: session.refresh_token }).expect(400);
    expect(issues(res)).toEqual(['body']);
  });
});

describe.each([
  ['/api/token/refresh', 200],
  ['/api/logout', 204],
] as const)('%s and cross-site requests', (path, okStatus) => {
  const send = async (headers: Record<string, string>, body: string | undefined) => {
    const session = await register(ctx.app);
    const req = request(ctx.app).post(path).set('Cookie', `jobping_refresh=${session.refresh_token}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.send(body);
  };

  it.each([
    ['text/plain', 'a form with enctype=text/plain'],
    ['application/x-www-form-urlencoded', 'a plain form'],
    ['multipart/form-data; boundary=x', 'a multipart form'],
  ])('answers 415 to %s (%s)', async (type) => {
    const res = await send({ 'Content-Type': type }, '{}');
    expect(res.status).toBe(415);
    expect(setCookies(res)).toEqual([]);
  });

  it('answers 415 without a content type, even with no body', async () => {
    const session = await register(ctx.app);
    await request(ctx.app).post(path).set('Cookie', `jobping_refresh=${session.refresh_token}`).expect(415);
  });

  it('answers 403 to a foreign Origin and accepts its own host or none', async () => {
    const foreign = await send({ 'Content-Type': 'application/json', Origin: 'https://evil.example' }, '{}');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('origin_not_allowed');
    expect((await send({ 'Content-Type': 'application/json', Origin: 'null' }, '{}')).status).toBe(403);
    const host = `127.0.0.1:${4000}`;
    expect((await send({ 'Content-Type': 'application/json', Origin: `http://${host}`, Host: host }, '{}')).status).toBe(okStatus);
    expect((await send({ 'Content-Type': 'application/json' }, '{}')).status).toBe(okStatus);
  });
});

describe('PUBLIC_WEB_URL', () => {
  it('is the one origin allowed to use the session (besides CORS_ORIGINS)', async () => {
    const app = await startTestApp('public_origin', { PUBLIC_WEB_URL: 'https://jobping.example.com/', CORS_ORIGINS: 'http://localhost:5173' });
    try {
      const attempt = (origin: string, host = 'jobping.example.com') =>
        request(app.app).post('/api/register').set('Origin', origin).set('Host', host).send({ email: newEmail('origin'), password: PASSWORD });
      expect((await attempt('https://jobping.example.com')).status).toBe(201);
      expect((await attempt('http://localhost:5173')).status).toBe(201);
      // Same host as the request, but not the public origin: refused once one is configured.
      expect((await attempt('http://evil.example', 'evil.example')).status).toBe(403);
      expect((await attempt('http://jobping.example.com')).status).toBe(403);
    } finally {
      await app.close();
    }
  });
});

describe('POST /api/logout', () => {
  it('ends the session of the refresh cookie and clears the cookie', async () => {
    const session = await register(ctx.app);
    const res = await logout(ctx.app, session.refresh_token).expect(204);
    expect(setCookies(res).map((c) => [c.path, c.value])).toEqual([
      ['/api/token/refresh', ''],
      ['/api/logout', ''],
    ]);
    await refresh(ctx.app, session.refresh_token).expect(401);
  });

  it('needs no access token: it works after the access token expired', async () => {
    const session = await register(ctx.app);
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign({ roles: ['user'], typ: 'access', iat: now - 1000, exp: now - 100 }, ctx.config.JWT_SECRET, {
      algorithm: 'HS256',
      issuer: ctx.config.JWT_ISSUER,
      audience: ctx.config.JWT_AUDIENCE,
      subject: session.user.id,
    });
    await request(ctx.app).get('/api/users/me').set('Authorization', `Bearer ${expired}`).expect(401);
    await request(ctx.app).post('/api/logout').set('Authorization', `Bearer ${expired}`).set('Cookie', `jobping_refresh=${session.refresh_token}`).send({}).expect(204);
    await refresh(ctx.app, session.refresh_token).expect(401);
  });

  it('with all_sessions ends every session of the account', async () => {
    const session = await register(ctx.app);
    const other = await login(ctx.app, session.user.email);
    await logout(ctx.app, session.refresh_token, { all_sessions: true }).expect(204);
    await refresh(ctx.app, other.refresh_token).expect(401);
  });

  it('answers 204 and clears the cookie without a live session, and validates the body', async () => {
    const none = await logout(ctx.app, undefined).expect(204);
    expect(setCookies(none).map((c) => c.value)).toEqual(['', '']);
    await logout(ctx.app, 'x'.repeat(43)).expect(204);
    const res = await logout(ctx.app, undefined, { all_sessions: 'yes' }).expect(400);
    expect(issues(res)).toEqual(['body.all_sessions']);
  });

  it("cannot end another user's session: only the cookie's own session ends", async () => {
    const alice = await register(ctx.app);
    const bob = await register(ctx.app);
    await request(ctx.app)
      .post('/api/logout')
      .set('Authorization', bearer(bob))
      .set('Cookie', `jobping_refresh=${alice.refresh_token}`)
      .send({ all_sessions: true })
      .expect(204);
    await refresh(ctx.app, bob.refresh_token).expect(200);
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
