import type { BrowserContext, Page, Response } from '@playwright/test';
import { expect, signUp, test, uniqueEmail } from './fixtures';

// How a session lives in the browser, against each web server in front of the APIs: the
// refresh token is an httpOnly cookie that auth-api sets and reads, page scripts never see
// it, and the app renews access tokens without the user noticing.

test.describe.configure({ mode: 'serial' });

const REFRESH_COOKIE = 'jobping_refresh';

/** Every answer to the page's own API calls, with its body, as the page received it. */
function recordApiAnswers(page: Page): { url: string; status: number; body: Promise<string> }[] {
  const answers: { url: string; status: number; body: Promise<string> }[] = [];
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    // A body is gone once the page navigates away from it: nothing left to leak then.
    answers.push({ url: response.url(), status: response.status(), body: response.text().catch(() => '') });
  });
  return answers;
}

async function refreshTokensIn(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).filter((c) => c.name === REFRESH_COOKIE).map((c) => c.value);
}

/** The refresh token never reaches page scripts: not in document.cookie, not in any body the page received. */
async function expectNoRefreshTokenInPage(page: Page, answers: ReturnType<typeof recordApiAnswers>, tokens: string[]): Promise<void> {
  expect(tokens.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.cookie)).not.toContain(REFRESH_COOKIE);
  for (const answer of answers) {
    const body = await answer.body;
    for (const token of tokens) expect({ url: answer.url, leaks: body.includes(token) }).toEqual({ url: answer.url, leaks: false });
    expect({ url: answer.url, field: /refresh_token"/.test(body) }).toEqual({ url: answer.url, field: false });
  }
}

test('the refresh cookie is httpOnly, SameSite=Strict, scoped to the two routes that read it; a reload keeps the session', async ({ page, context, stack }) => {
  const answers = recordApiAnswers(page);
  const seen: string[] = [];
  await signUp(page, uniqueEmail('session'));
  seen.push(...(await refreshTokensIn(context)));

  const cookies = (await context.cookies()).filter((c) => c.name === REFRESH_COOKIE);
  expect(cookies.map((c) => c.path).sort()).toEqual(['/api/logout', '/api/token/refresh']);
  for (const cookie of cookies) {
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // Production marks it Secure (Chromium keeps Secure cookies of loopback origins over http).
    expect(cookie.secure).toBe(stack.front === 'nginx');
    // Max-Age: the session's 30 days.
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
  }

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Describe your ideal job' })).toBeVisible();
  seen.push(...(await refreshTokensIn(context)));
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expectNoRefreshTokenInPage(page, answers, seen);
});

test('an access token that expires is renewed without the user noticing', async ({ page, context, stack }) => {
  test.skip(stack.accessTtlSeconds > 60, 'access tokens live long in this project');
  const answers = recordApiAnswers(page);
  await signUp(page, uniqueEmail('expiry'));
  const seen = await refreshTokensIn(context);
  // Past the token's life and the APIs' 5-second clock tolerance.
  await page.waitForTimeout((stack.accessTtlSeconds + 6) * 1000);

  await page.getByRole('link', { name: 'Matches' }).click();
  await expect(page.getByText('No matches yet')).toBeVisible();
  await expect(page).toHaveURL(/\/matches$/);
  // What happened underneath (the page's own polling may meet the expiry first): an API refused
  // the expired token, the session was renewed, and every call was answered.
  const expired = answers.findIndex((a) => a.status === 401);
  expect(expired).toBeGreaterThanOrEqual(0);
  expect(await answers[expired]!.body).toContain('token_expired');
  const after = answers.slice(expired + 1).map((a) => `${a.status} ${new URL(a.url).pathname}`);
  expect(after).toContain('200 /api/token/refresh');
  expect(after).toContain('200 /api/users/me/matches');
  seen.push(...(await refreshTokensIn(context)));
  expect(new Set(seen).size).toBe(2); // rotated
  await expectNoRefreshTokenInPage(page, answers, seen);
});

test('two tabs renewing at once keep one session', async ({ page, context }) => {
  await signUp(page, uniqueEmail('tabs'));
  const second = await context.newPage();
  const before = await refreshTokensIn(context);

  // Both tabs open the app at the same moment, and each renews the session with the cookie
  // they share. Held until both renewals are on their way, so that both really carry it.
  let release: () => void = () => {};
  const bothSent = new Promise<void>((resolve) => (release = resolve));
  const sentCookies: string[] = [];
  await context.route('**/api/token/refresh', async (route) => {
    sentCookies.push((await route.request().headerValue('cookie')) ?? '');
    if (sentCookies.length === 2) release();
    await bothSent;
    await route.continue();
  });
  const refreshes: Response[] = [];
  for (const tab of [page, second]) tab.on('response', (r) => r.url().endsWith('/api/token/refresh') && refreshes.push(r));
  await Promise.all([page.goto('/settings'), second.goto('/settings')]);
  for (const tab of [page, second]) await expect(tab.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await context.unroute('**/api/token/refresh');

  expect(sentCookies).toHaveLength(2);
  expect(sentCookies[1]).toBe(sentCookies[0]);
  expect(sentCookies[0]).toContain(`${REFRESH_COOKIE}=${before[0]}`);
  // Both renewals succeeded, with the same new token: the loser of the race was not taken for a thief.
  expect(refreshes.map((r) => r.status())).toEqual([200, 200]);
  const issued = await Promise.all(refreshes.map(async (r) => (await r.headerValue('set-cookie'))?.match(/jobping_refresh=([^;]+)/)?.[1]));
  expect(issued[0]).toBeTruthy();
  expect(issued[1]).toBe(issued[0]);

  // And the session goes on in both.
  await Promise.all([page.reload(), second.reload()]);
  for (const tab of [page, second]) await expect(tab.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await second.close();
});

test('logging out with an expired access token ends the session: the old cookie no longer renews it', async ({ page, context, stack, playwright }) => {
  test.skip(stack.accessTtlSeconds > 60, 'access tokens live long in this project');
  await signUp(page, uniqueEmail('logout'));
  const [token] = await refreshTokensIn(context);
  await page.waitForTimeout((stack.accessTtlSeconds + 6) * 1000);

  const logout = page.waitForResponse((r) => r.url().endsWith('/api/logout'));
  await page.getByRole('button', { name: 'Log out' }).click();
  expect((await logout).status()).toBe(204);
  await expect(page).toHaveURL(/\/login$/);
  expect(await refreshTokensIn(context)).toEqual([]);

  // Someone who kept the old cookie gets nothing with it.
  const api = await playwright.request.newContext({ baseURL: stack.webUrl });
  const replay = await api.post('/api/token/refresh', { headers: { Cookie: `${REFRESH_COOKIE}=${token}` }, data: {} });
  expect(replay.status()).toBe(401);
  await api.dispose();
});

test('every answer of the web server carries the security headers', async ({ page, context, stack, playwright }) => {
  // Routing turns the browser's HTTP cache off: every answer below comes from the server, not
  // from a revalidation (a 304's headers are merged from the stored answer by the browser).
  await context.route('**/*', (route) => route.continue());
  const answers: Response[] = [];
  page.on('response', (r) => answers.push(r));
  await signUp(page, uniqueEmail('headers'));
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  const api = await playwright.request.newContext({ baseURL: stack.webUrl });
  const extra = [await api.get('/api/jobs'), await api.get('/assets/missing.js'), await api.post('/api/login', { data: { email: 'x' } })];
  const all = [
    ...(await Promise.all(answers.map(async (r) => ({ url: r.url(), headers: await r.headersArray() })))),
    ...extra.map((r) => ({ url: r.url(), headers: r.headersArray() })),
  ];
  const kinds = new Set(all.map((a) => new URL(a.url).pathname.split('/')[1]));
  expect([...kinds]).toEqual(expect.arrayContaining(['signup', 'assets', 'api', 'no-such-page']));

  for (const { url, headers } of all) {
    const values = (name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    // One copy of each, even on answers the APIs sent through.
    const [csp = '', ...moreCsp] = values('content-security-policy');
    expect({ url, more: moreCsp }).toEqual({ url, more: [] });
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1];
    expect({ url, scriptSrc: Boolean(scriptSrc), inline: /unsafe-inline|unsafe-eval/.test(scriptSrc ?? '') }).toEqual({ url, scriptSrc: true, inline: false });
    expect({ url, frameAncestors: /frame-ancestors 'none'/.test(csp) }).toEqual({ url, frameAncestors: true });
    expect({ url, nosniff: values('x-content-type-options') }).toEqual({ url, nosniff: ['nosniff'] });
    expect({ url, referrer: values('referrer-policy').length }).toEqual({ url, referrer: 1 });
    expect({ url, poweredBy: values('x-powered-by') }).toEqual({ url, poweredBy: [] });
    // Plain http here: no HSTS.
    expect({ url, hsts: values('strict-transport-security') }).toEqual({ url, hsts: [] });
  }

  if (stack.front === 'nginx') {
    // Behind the TLS-terminating Ingress or load balancer, the request arrives with X-Forwarded-Proto: https.
    for (const path of ['/', '/api/jobs']) {
      const overHttps = await api.get(path, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect({ path, hsts: overHttps.headers()['strict-transport-security'] }).toEqual({ path, hsts: 'max-age=31536000; includeSubDomains' });
    }
  }
  await api.dispose();
});
