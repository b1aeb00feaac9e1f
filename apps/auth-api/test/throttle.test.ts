import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { waitFor } from '@jobping/testing';
import { PASSWORD, newEmail, startTestApp, type Session, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('throttle', {
    LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: '3',
    LOGIN_MAX_FAILURES_PER_CLIENT: '6',
    LOGIN_FAILURE_WINDOW_SECONDS: '2',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    REGISTRATIONS_PER_CLIENT_PER_HOUR: '3',
    REGISTRATIONS_PER_EMAIL_PER_HOUR: '3',
    // The test client's address comes from X-Forwarded-For, as behind an ingress.
    TRUST_PROXY: 'true',
  });
});
afterAll(async () => ctx?.close());

let ipCounter = 0;
const newIp = () => `203.0.113.${(ipCounter += 1)}`;
let netCounter = 0;
/** A fresh IPv6 /64; `host` picks an address inside it. */
const newNet = () => {
  netCounter += 1;
  return (host: string) => `2001:db8:${netCounter.toString(16)}:1:${host}`;
};
const login = (app: TestContext['app'], email: string, password: string, ip: string) =>
  request(app).post('/api/login').set('X-Forwarded-For', ip).send({ email, password });
const registerFrom = (ip: string, email: string = newEmail()) =>
  request(ctx.app).post('/api/register').set('X-Forwarded-For', ip).send({ email, password: PASSWORD });
/** An account registered from a client of its own, so no test spends another's registration budget. */
const register = async (): Promise<Session> => (await registerFrom(newIp()).expect(201)).body as Session;

describe('login throttling', () => {
  it('blocks a client after repeated failures for one account, even with the right password, on every replica, and recovers', async () => {
    const email = newEmail('target');
    await registerFrom(newIp(), email).expect(201);
    const replica = ctx.replica();
    const attacker = newIp();

    // The count is per account and client, in Redis: both replicas add to it.
    await login(ctx.app, email, 'wrong password 1', attacker).expect(401);
    await login(replica, email, 'wrong password 2', attacker).expect(401);
    await login(ctx.app, email, 'wrong password 3', attacker).expect(401);

    const blocked = await login(replica, email, PASSWORD, attacker).expect(429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // The owner, from a client that has not failed, is not locked out.
    await login(ctx.app, email, PASSWORD, newIp()).expect(200);
    // After the window the right password works from the attacker's client too.
    await waitFor('the block to lapse', async () => (await login(ctx.app, email, PASSWORD, attacker)).status === 200, { timeoutMs: 10_000, intervalMs: 250 });
  });

  it('throttles an unknown e-mail exactly like an account (no enumeration through 429s)', async () => {
    const ip = newIp();
    const ghost = newEmail('ghost');
    for (let i = 0; i < 3; i += 1) await login(ctx.app, ghost, 'whatever-it-is', ip).expect(401);
    await login(ctx.app, ghost, 'whatever-it-is', ip).expect(429);
  });

  it('blocks an IPv6 client by its /64 across many accounts and addresses, and recovers', async () => {
    const net = newNet();
    for (let i = 0; i < 6; i += 1) await login(ctx.app, newEmail('spray'), 'password spraying', net(`${i + 1}::${i + 7}`)).expect(401);
    const res = await login(ctx.app, newEmail('spray'), 'password spraying', net('ffff::1')).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another /64 still gets in.
    const session = await register();
    await login(ctx.app, session.user.email, PASSWORD, newNet()('1::1')).expect(200);
    await waitFor('the block to lapse', async () => (await login(ctx.app, session.user.email, PASSWORD, net('2::2'))).status === 200, { timeoutMs: 10_000, intervalMs: 250 });
  });

  it('counts an IPv4-mapped IPv6 client as its IPv4 address', async () => {
    const ip = newIp();
    const session = await register();
    for (let i = 0; i < 3; i += 1) await login(ctx.app, session.user.email, 'not the password', `::ffff:${ip}`).expect(401);
    await login(ctx.app, session.user.email, PASSWORD, ip).expect(429);
  });

  it('a successful login clears the count of its account and client', async () => {
    const session = await register();
    const email = session.user.email;
    const ip = newIp();
    await login(ctx.app, email, 'wrong one', ip).expect(401);
    await login(ctx.app, email, 'wrong two', ip).expect(401);
    await login(ctx.app, email, PASSWORD, ip).expect(200);
    await login(ctx.app, email, 'wrong three', ip).expect(401);
    await login(ctx.app, email, 'wrong four', ip).expect(401);
    await login(ctx.app, email, PASSWORD, ip).expect(200);
  });
});

describe('registration throttling', () => {
  it('limits registrations per client', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i += 1) await registerFrom(ip).expect(201);
    const res = await registerFrom(ip).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits registrations per IPv6 /64, whatever the address inside it', async () => {
    const net = newNet();
    for (let i = 0; i < 3; i += 1) await registerFrom(net(`${i + 1}::1`)).expect(201);
    await registerFrom(net('abcd::1')).expect(429);
    await registerFrom(newNet()('1::1')).expect(201);
  });

  it('a taken address costs the client like a registration', async () => {
    const taken = (await register()).user.email;
    const ip = newIp();
    for (let i = 0; i < 3; i += 1) await registerFrom(ip, i === 0 ? taken : newEmail()).expect(201);
    // The budget is spent: a taken and a free address get the same 429.
    const takenAgain = await registerFrom(ip, taken).expect(429);
    const free = await registerFrom(ip, newEmail()).expect(429);
    expect(takenAgain.body).toEqual(free.body);
  });

  it('limits attempts per address from any client, taken or not', async () => {
    const taken = (await register()).user.email;
    // Its registration was the first attempt.
    await registerFrom(newIp(), taken).expect(201);
    await registerFrom(newIp(), taken.toUpperCase()).expect(201);
    const res = await registerFrom(newIp(), taken).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // A free address is limited the same way.
    const free = newEmail('contested');
    await registerFrom(newIp(), free).expect(201);
    await registerFrom(newIp(), free).expect(201);
    await registerFrom(newIp(), free).expect(201);
    await registerFrom(newIp(), free).expect(429);
  });
});

describe('the counters', () => {
  it('live under the test key prefix, with no e-mail address in any key', async () => {
    const keys = await ctx.redis.keys('*'); // keyPrefix applies to the pattern as well
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('@');
  });
});
