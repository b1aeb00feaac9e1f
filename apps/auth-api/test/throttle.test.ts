import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PASSWORD, newEmail, register, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('throttle', {
    LOGIN_MAX_FAILURES_PER_EMAIL: '3',
    LOGIN_MAX_FAILURES_PER_IP: '6',
    LOGIN_FAILURE_WINDOW_SECONDS: '2',
    REGISTRATIONS_PER_IP_PER_HOUR: '3',
    // The test client's address comes from X-Forwarded-For, as behind an ingress.
    TRUST_PROXY: 'true',
  });
});
afterAll(async () => ctx?.close());

let ipCounter = 0;
const newIp = () => `203.0.113.${(ipCounter += 1)}`;
const login = (app: TestContext['app'], email: string, password: string, ip: string) =>
  request(app).post('/api/login').set('X-Forwarded-For', ip).send({ email, password });

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('condition not reached in time');
}

describe('login throttling', () => {
  it('blocks an e-mail after repeated failures, even with the right password, on every replica, and recovers', async () => {
    const email = newEmail('target');
    await request(ctx.app).post('/api/register').set('X-Forwarded-For', newIp()).send({ email, password: PASSWORD }).expect(201);
    const replica = ctx.replica();

    // Failures come from several addresses and both replicas: the count is per e-mail, in Redis.
    await login(ctx.app, email, 'wrong password 1', newIp()).expect(401);
    await login(replica, email, 'wrong password 2', newIp()).expect(401);
    await login(ctx.app, email, 'wrong password 3', newIp()).expect(401);

    const blocked = await login(replica, email, PASSWORD, newIp()).expect(429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // An unknown e-mail is throttled the same way (no account enumeration through 429s).
    const ghost = newEmail('ghost');
    for (let i = 0; i < 3; i += 1) await login(ctx.app, ghost, 'whatever-it-is', newIp()).expect(401);
    await login(ctx.app, ghost, 'whatever-it-is', newIp()).expect(429);

    // Another account is not affected.
    const other = await register(ctx.app);
    await login(ctx.app, other.user.email, PASSWORD, newIp()).expect(200);

    // After the window the right password works again.
    await eventually(async () => (await login(ctx.app, email, PASSWORD, newIp())).status === 200);
  });

  it('blocks an IP that fails across many e-mails, and recovers', async () => {
    const ip = newIp();
    for (let i = 0; i < 6; i += 1) await login(ctx.app, newEmail('spray'), 'password spraying', ip).expect(401);
    const res = await login(ctx.app, newEmail('spray'), 'password spraying', ip).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Other addresses still get in.
    const session = await register(ctx.app);
    await login(ctx.app, session.user.email, PASSWORD, newIp()).expect(200);
    await eventually(async () => (await login(ctx.app, session.user.email, PASSWORD, ip)).status === 200);
  });

  it('clears the e-mail count after a successful login', async () => {
    const session = await register(ctx.app);
    const email = session.user.email;
    await login(ctx.app, email, 'wrong one', newIp()).expect(401);
    await login(ctx.app, email, 'wrong two', newIp()).expect(401);
    await login(ctx.app, email, PASSWORD, newIp()).expect(200);
    await login(ctx.app, email, 'wrong three', newIp()).expect(401);
    await login(ctx.app, email, PASSWORD, newIp()).expect(200);
  });

  it('limits registrations per IP', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i += 1) {
      await request(ctx.app).post('/api/register').set('X-Forwarded-For', ip).send({ email: newEmail(), password: PASSWORD }).expect(201);
    }
    const res = await request(ctx.app).post('/api/register').set('X-Forwarded-For', ip).send({ email: newEmail(), password: PASSWORD }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps its counters under the test key prefix, with no e-mail address in any key', async () => {
    const keys = await ctx.redis.keys('*'); // keyPrefix applies to the pattern as well
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('@');
  });
});
