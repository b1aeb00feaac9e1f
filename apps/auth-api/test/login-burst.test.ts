import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, listen, newEmail, register, startTestApp, type TestContext } from './helpers';

/**
 * Bursts of parallel logins against two replicas listening on real ports and sharing Redis:
 * the limits must be consumed atomically before the password is checked, or every request
 * of a burst sees the count before any failure is recorded and gets a password guess.
 * Windows are long here, so no window can end during a burst.
 */
const PER_ACCOUNT_AND_CLIENT = 5;
const PER_ACCOUNT = 8;

let ctx: TestContext;
let servers: { url: string; close(): Promise<void> }[];
beforeAll(async () => {
  ctx = await startTestApp('login_burst', {
    LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: String(PER_ACCOUNT_AND_CLIENT),
    LOGIN_MAX_FAILURES_PER_CLIENT: '50',
    LOGIN_FAILURE_WINDOW_SECONDS: '900',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS: '60',
    TRUST_PROXY: 'true',
  });
  servers = [await listen(ctx.app), await listen(ctx.replica())];
});
afterAll(async () => {
  for (const server of servers ?? []) await server.close();
  await ctx?.close();
});

interface Answer {
  status: number;
  retryAfter: number | null;
}

async function login(n: number, email: string, password: string, ip: string): Promise<Answer> {
  const res = await fetch(`${servers[n % servers.length]!.url}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  const retryAfter = res.headers.get('retry-after');
  return { status: res.status, retryAfter: retryAfter === null ? null : Number(retryAfter) };
}

const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

describe('login throttling under bursts (two replicas, real ports)', () => {
  it('300 parallel wrong passwords from one client get at most the limit of 401s and 429s for the rest; the right password from another client is accepted', async () => {
    const { user } = await register(ctx.app, newEmail('burst-victim'));
    const attacker = '198.51.100.7';
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => login(i, user.email, `wrong password ${i}`, attacker)));

    expect(count(answers, 401)).toBeGreaterThan(0);
    expect(count(answers, 401)).toBeLessThanOrEqual(PER_ACCOUNT_AND_CLIENT);
    expect(count(answers, 401) + count(answers, 429)).toBe(300);
    for (const a of answers.filter((x) => x.status === 429)) expect(a.retryAfter).toBeGreaterThanOrEqual(1);

    // The attacker's client stays blocked for this account, even with the right password…
    expect((await login(0, user.email, PASSWORD, attacker)).status).toBe(429);
    // …while the owner, from a client that has not failed, gets in.
    expect((await login(1, user.email, PASSWORD, '192.0.2.44')).status).toBe(200);
  });

  it('300 parallel wrong passwords from 300 clients are held by the per-account ceiling, with a short Retry-After, not a long lock', async () => {
    const { user } = await register(ctx.app, newEmail('spread-victim'));
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login(i, user.email, `wrong password ${i}`, `2001:db8:${(i + 1).toString(16)}::1`)),
    );

    expect(count(answers, 401)).toBeGreaterThan(0);
    expect(count(answers, 401)).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(count(answers, 401) + count(answers, 429)).toBe(300);
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(a.retryAfter).toBeGreaterThanOrEqual(1);
      expect(a.retryAfter).toBeLessThanOrEqual(60);
    }
    // Other accounts are not affected by this account's ceiling.
    const other = await register(ctx.app, newEmail('bystander'));
    expect((await login(0, other.user.email, PASSWORD, '2001:db8:1::1')).status).toBe(200);
  });

  it('successes cost nothing: more logins in a row from one client than any limit are all accepted', async () => {
    const accounts = [];
    for (let i = 0; i < 5; i += 1) accounts.push((await register(ctx.app, newEmail('office'))).user.email);
    // 55 logins: over the per-client limit (50) and 11 per account (over 5 per account and client).
    for (let i = 0; i < 55; i += 1) expect((await login(i, accounts[i % 5]!, PASSWORD, '192.0.2.99')).status).toBe(200);
  });
});
