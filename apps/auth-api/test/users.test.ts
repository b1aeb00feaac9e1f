import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { companyKeys } from '@jobping/db';
import { json } from '@jobping/testing';
import request from 'supertest';
import { bearer, refresh, register, startTestApp, type Session, type TestContext } from './helpers';

let ctx: TestContext;
let alice: Session;
let bob: Session;

beforeAll(async () => {
  ctx = await startTestApp('users');
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  alice = await register(ctx.app);
  bob = await register(ctx.app);
  ctx.discord.requests.length = 0;
});

const as = (session: Session) => ({
  get: (path: string) => request(ctx.app).get(path).set('Authorization', bearer(session)),
  put: (path: string, body: unknown) => request(ctx.app).put(path).set('Authorization', bearer(session)).send(body as object),
  post: (path: string, body?: unknown) => {
    const req = request(ctx.app).post(path).set('Authorization', bearer(session));
    return body === undefined ? req : req.send(body as object);
  },
  delete: (path: string) => request(ctx.app).delete(path).set('Authorization', bearer(session)),
});
/** The must-haves of a new account: none, and jobs that leave pay or sponsorship unstated are kept. */
const noMustHaves = {
  seniority_min: null,
  seniority_max: null,
  work_arrangements: [],
  remote_regions: [],
  keep_unstated_salary: true,
  needs_visa_sponsorship: false,
  keep_unknown_sponsorship: true,
  employment_types: [],
  languages: [],
  excluded_keywords: [],
};
const noFilters = { remote_only: false, locations: [], min_salary: null, excluded_companies: [] };
const issues = (res: request.Response) => (res.body.error.details as { path: string }[]).map((d) => d.path);

describe('GET /api/users/me', () => {
  it('shows the account and its settings, nothing secret', async () => {
    const res = await as(alice).get('/api/users/me').expect(200);
    expect(res.body).toEqual({
      id: alice.user.id,
      email: alice.user.email,
      email_verified: false,
      role: 'user',
      prompt: null,
      prompt_updated_at: null,
      threshold: 70,
      filters: { remote_only: false, locations: [], min_salary: null, excluded_companies: [], ...noMustHaves },
      snoozed_until: null,
      discord: { status: 'not_set', webhook_url: null, broken_at: null, error: null },
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('requires authentication', async () => {
    const res = await request(ctx.app).get('/api/users/me').expect(401);
    expect(res.body.error.code).toBe('unauthorized');
  });
});

describe('PUT /api/users/me/prompt', () => {
  it('saves, trims and clears the prompt', async () => {
    const res = await as(alice).put('/api/users/me/prompt', { prompt: '  Senior backend engineer, TypeScript, remote EU  ' }).expect(200);
    expect(res.body.prompt).toBe('Senior backend engineer, TypeScript, remote EU');
    expect(res.body.prompt_updated_at).not.toBeNull();
    const max = await as(alice).put('/api/users/me/prompt', { prompt: 'p'.repeat(4000) }).expect(200);
    expect(max.body.prompt).toHaveLength(4000);
    const cleared = await as(alice).put('/api/users/me/prompt', { prompt: null }).expect(200);
    expect(cleared.body.prompt).toBeNull();
  });

  it.each([
    ['over 4,000 characters', { prompt: 'p'.repeat(4001) }],
    ['empty', { prompt: '   ' }],
    ['missing', {}],
    ['not a string', { prompt: 42 }],
  ])('answers 400 when the prompt is %s', async (_name, body) => {
    const res = await as(alice).put('/api/users/me/prompt', body).expect(400);
    expect(issues(res)).toEqual(['body.prompt']);
  });
});

describe('PUT /api/users/me/threshold', () => {
  it('saves 0, 100 and values between', async () => {
    for (const threshold of [0, 100, 85]) {
      const res = await as(alice).put('/api/users/me/threshold', { threshold }).expect(200);
      expect(res.body.threshold).toBe(threshold);
    }
  });

  it.each([[-1], [101], [50.5], ['80'], [null]])('answers 400 for %p', async (threshold) => {
    const res = await as(alice).put('/api/users/me/threshold', { threshold }).expect(400);
    expect(issues(res)).toEqual(['body.threshold']);
  });
});

describe('PUT /api/users/me/filters', () => {
  it('saves the filters, trimmed and de-duplicated', async () => {
    const res = await as(alice)
      .put('/api/users/me/filters', {
        remote_only: true,
        locations: [' Berlin ', 'berlin', 'Remote EU'],
        min_salary: 80_000,
        excluded_companies: ['Crypto Corp', 'CRYPTO CORP'],
      })
      .expect(200);
    expect(res.body.filters).toEqual({
      remote_only: true,
      locations: ['Berlin', 'Remote EU'],
      min_salary: 80_000,
      excluded_companies: ['Crypto Corp'],
      ...noMustHaves,
    });
  });

  it("stores each excluded company's key with it, as the company rows are keyed, for fan-out to compare", async () => {
    const res = await as(alice)
      .put('/api/users/me/filters', {
        remote_only: false,
        locations: [],
        min_salary: null,
        excluded_companies: ['Müller', 'Smith & Sons', 'Smith and Sons GmbH', 'Crypto Corp.'],
      })
      .expect(200);
    expect(res.body.filters.excluded_companies).toEqual(['Müller', 'Smith & Sons', 'Smith and Sons GmbH', 'Crypto Corp.']);
    const stored = await ctx.prisma.user.findUniqueOrThrow({ where: { id: alice.user.id } });
    expect(stored.excludedCompanyKeys).toEqual(['muller', 'smith-and-sons', 'crypto']);
    expect(stored.excludedCompanyKeys).toEqual(companyKeys(stored.excludedCompanies));

    await as(alice).put('/api/users/me/filters', { remote_only: false, locations: [], min_salary: null, excluded_companies: [] }).expect(200);
    expect((await ctx.prisma.user.findUniqueOrThrow({ where: { id: alice.user.id } })).excludedCompanyKeys).toEqual([]);
  });

  it('validates every field', async () => {
    const res = await as(alice)
      .put('/api/users/me/filters', { remote_only: 'yes', locations: [''], min_salary: -5, excluded_companies: 'x' })
      .expect(400);
    expect(issues(res).sort()).toEqual(['body.excluded_companies', 'body.locations.0', 'body.min_salary', 'body.remote_only']);
    const tooMany = await as(alice)
      .put('/api/users/me/filters', { remote_only: false, locations: Array.from({ length: 51 }, (_, i) => `city ${i}`), min_salary: null, excluded_companies: [] })
      .expect(400);
    expect(issues(tooMany)).toEqual(['body.locations']);
  });
});

describe('PUT /api/users/me/filters: must-haves', () => {
  const mustHaves = {
    seniority_min: 'mid',
    seniority_max: 'staff',
    work_arrangements: ['remote', 'hybrid', 'remote'],
    remote_regions: [' Europe ', 'europe', 'North  America'],
    keep_unstated_salary: false,
    needs_visa_sponsorship: true,
    keep_unknown_sponsorship: false,
    employment_types: ['full_time', 'contract'],
    languages: ['EN', 'de'],
    excluded_keywords: ['PHP', 'php', 'On-call', 'Sales Engineer'],
  };

  it('saves them as fan-out compares them: keywords and regions as lower-case words, repeats dropped', async () => {
    const res = await as(alice).put('/api/users/me/filters', { ...noFilters, min_salary: 100_000, ...mustHaves }).expect(200);
    expect(res.body.filters).toEqual({
      ...noFilters,
      min_salary: 100_000,
      seniority_min: 'mid',
      seniority_max: 'staff',
      work_arrangements: ['remote', 'hybrid'],
      remote_regions: ['europe', 'north america'],
      keep_unstated_salary: false,
      needs_visa_sponsorship: true,
      keep_unknown_sponsorship: false,
      employment_types: ['full_time', 'contract'],
      languages: ['en', 'de'],
      excluded_keywords: ['php', 'on-call', 'sales engineer'],
    });
    expect((await as(alice).get('/api/users/me').expect(200)).body.filters).toEqual(res.body.filters);
    // Another account's settings are untouched.
    expect((await as(bob).get('/api/users/me').expect(200)).body.filters).toEqual({ ...noFilters, ...noMustHaves });
  });

  it('keeps the saved must-haves when a client sends only the four filters', async () => {
    await as(alice).put('/api/users/me/filters', { ...noFilters, ...mustHaves }).expect(200);
    const res = await as(alice).put('/api/users/me/filters', { ...noFilters, remote_only: true }).expect(200);
    expect(res.body.filters).toMatchObject({ remote_only: true, seniority_min: 'mid', needs_visa_sponsorship: true, excluded_keywords: ['php', 'on-call', 'sales engineer'] });
    const cleared = await as(alice).put('/api/users/me/filters', { ...noFilters, ...noMustHaves }).expect(200);
    expect(cleared.body.filters).toEqual({ ...noFilters, ...noMustHaves });
  });

  it('validates every must-have', async () => {
    const res = await as(alice)
      .put('/api/users/me/filters', {
        ...noFilters,
        seniority_min: 'guru',
        work_arrangements: ['moon'],
        remote_regions: ['!!!'],
        keep_unstated_salary: 'no',
        needs_visa_sponsorship: 1,
        employment_types: ['forever'],
        languages: ['english'],
        excluded_keywords: ['one two three four'],
      })
      .expect(400);
    expect(issues(res).sort()).toEqual([
      'body.employment_types.0',
      'body.excluded_keywords.0',
      'body.keep_unstated_salary',
      'body.languages.0',
      'body.needs_visa_sponsorship',
      'body.remote_regions.0',
      'body.seniority_min',
      'body.work_arrangements.0',
    ]);
    const tooMany = await as(alice)
      .put('/api/users/me/filters', { ...noFilters, excluded_keywords: Array.from({ length: 51 }, (_, i) => `word${i}`) })
      .expect(400);
    expect(issues(tooMany)).toEqual(['body.excluded_keywords']);
  });

  it('refuses a seniority range upside down, also against the saved bound', async () => {
    const res = await as(alice).put('/api/users/me/filters', { ...noFilters, seniority_min: 'senior', seniority_max: 'junior' }).expect(400);
    expect(issues(res)).toEqual(['body.seniority_max']);
    await as(alice).put('/api/users/me/filters', { ...noFilters, seniority_min: 'senior', seniority_max: null }).expect(200);
    const against = await as(alice).put('/api/users/me/filters', { ...noFilters, seniority_max: 'junior' }).expect(400);
    expect(issues(against)).toEqual(['body.seniority_max']);
  });
});

describe('PUT /api/users/me/discord', () => {
  const token = 'Ab_cd-EF'.repeat(8) + 'xyzw';

  it('saves a Discord webhook and shows it masked', async () => {
    const url = `https://discord.com/api/webhooks/1234567890123456789/${token}`;
    const res = await as(alice).put('/api/users/me/discord', { webhook_url: url }).expect(200);
    expect(res.body.discord).toEqual({ status: 'ok', webhook_url: 'https://discord.com/api/webhooks/1234567890123456789/********xyzw', broken_at: null, error: null });
    expect(JSON.stringify(res.body)).not.toContain(token);
    // Stored as the user's Discord channel, which the notifier sends on (one place for it).
    const channels = await ctx.prisma.notificationChannel.findMany({ where: { userId: alice.user.id } });
    expect(channels).toMatchObject([{ kind: 'discord', settings: { webhook_url: url }, enabled: true }]);
    // Saving again changes that channel, never adds a second one.
    await as(alice).put('/api/users/me/discord', { webhook_url: `${url}2` }).expect(200);
    expect(await ctx.prisma.notificationChannel.findMany({ where: { userId: alice.user.id } })).toMatchObject([{ id: channels[0]!.id, settings: { webhook_url: `${url}2` } }]);
  });

  it('removes the webhook with null', async () => {
    await as(alice).put('/api/users/me/discord', { webhook_url: `https://ptb.discord.com/api/webhooks/1234567890123456789/${token}` }).expect(200);
    const res = await as(alice).put('/api/users/me/discord', { webhook_url: null }).expect(200);
    expect(res.body.discord.status).toBe('not_set');
    expect(await ctx.prisma.notificationChannel.count({ where: { userId: alice.user.id, kind: 'discord' } })).toBe(0);
  });

  it.each([
    ['http', `http://discord.com/api/webhooks/1234567890123456789/${token}`],
    ['loopback', `https://127.0.0.1/api/webhooks/1234567890123456789/${token}`],
    ['loopback on an unlisted port', `http://127.0.0.1:1/api/webhooks/1234567890123456789/${token}`],
    ['cloud metadata', `http://169.254.169.254/api/webhooks/1234567890123456789/${token}`],
    ['metadata over https', 'https://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    ['look-alike host', `https://discord.com.evil.example/api/webhooks/1234567890123456789/${token}`],
    ['userinfo trick', `https://discord.com@evil.example/api/webhooks/1234567890123456789/${token}`],
    ['non-webhook path', 'https://discord.com/api/v10/users/@me'],
    ['path traversal', `https://discord.com/api/webhooks/1234567890123456789/${token}/../../../oauth2/token`],
    ['over-long', `https://discord.com/api/webhooks/1234567890123456789/${'a'.repeat(1500)}`],
    ['far over the body limit of the field', `https://discord.com/${'a'.repeat(3000)}`],
    ['not a URL', 'discord webhook please'],
    ['IPv6 loopback', `https://[::1]/api/webhooks/1234567890123456789/${token}`],
  ])('rejects %s', async (_name, webhook_url) => {
    const res = await as(alice).put('/api/users/me/discord', { webhook_url }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(issues(res)).toEqual(['body.webhook_url']);
    expect(await ctx.prisma.notificationChannel.count({ where: { userId: alice.user.id } })).toBe(0);
  });

  it('rejects a missing field', async () => {
    const res = await as(alice).put('/api/users/me/discord', {}).expect(400);
    expect(issues(res)).toEqual(['body.webhook_url']);
  });
});

describe('POST /api/users/me/discord/test', () => {
  it('posts a test message to the saved webhook', async () => {
    await as(alice).put('/api/users/me/discord', { webhook_url: ctx.discord.webhookUrl() }).expect(200);
    ctx.discord.respond(json(200, { id: '1300000000000000042', type: 0 }));
    const res = await as(alice).post('/api/users/me/discord/test').expect(200);
    expect(res.body).toEqual({ delivered: true, message_id: '1300000000000000042' });
    expect(ctx.discord.requests).toHaveLength(1);
    const sent = ctx.discord.requests[0]!;
    expect(sent.url).toMatch(/^\/api\/webhooks\/1234567890123456789\/.+\?wait=true$/);
    expect(sent.body).toMatchObject({ username: 'JobPing', allowed_mentions: { parse: [] }, embeds: [{ title: 'JobPing is connected' }] });
  });

  it('answers 409 when no webhook is saved', async () => {
    const res = await as(alice).post('/api/users/me/discord/test').expect(409);
    expect(res.body.error.code).toBe('webhook_not_set');
    expect(ctx.discord.requests).toHaveLength(0);
  });

  it('marks the webhook broken when Discord says it is gone, and a new URL clears that', async () => {
    await as(alice).put('/api/users/me/discord', { webhook_url: ctx.discord.webhookUrl() }).expect(200);
    ctx.discord.respond(json(404, { message: 'Unknown Webhook', code: 10015 }));
    const res = await as(alice).post('/api/users/me/discord/test').expect(409);
    expect(res.body.error.code).toBe('webhook_broken');
    const me = await as(alice).get('/api/users/me').expect(200);
    expect(me.body.discord).toMatchObject({ status: 'broken', broken_at: expect.any(String), error: expect.stringContaining('does not exist') });
    // The Channels page shows the same channel off, with the reason.
    expect(await ctx.prisma.notificationChannel.findFirstOrThrow({ where: { userId: alice.user.id } })).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('does not exist') });

    const saved = await as(alice).put('/api/users/me/discord', { webhook_url: ctx.discord.webhookUrl('9876543210987654321') }).expect(200);
    expect(saved.body.discord).toMatchObject({ status: 'ok', broken_at: null, error: null });
  });

  it('answers 502 when Discord fails and 429 when it rate-limits for long', async () => {
    await as(alice).put('/api/users/me/discord', { webhook_url: ctx.discord.webhookUrl() }).expect(200);
    ctx.discord.respond(json(503, { message: 'unavailable' }));
    expect((await as(alice).post('/api/users/me/discord/test').expect(502)).body.error.code).toBe('discord_unavailable');
    ctx.discord.respond(json(429, { message: 'slow down', retry_after: 120, global: false }));
    const limited = await as(alice).post('/api/users/me/discord/test').expect(429);
    expect(Number(limited.headers['retry-after'])).toBe(120);
    // The client remembers Discord's wait: the next test is refused without calling Discord.
    await as(alice).post('/api/users/me/discord/test').expect(429);
    expect(ctx.discord.requests).toHaveLength(2);
    // Still marked fine: only 401/404 break a webhook.
    expect((await as(alice).get('/api/users/me')).body.discord.status).toBe('ok');
  });

  it('limits test messages per user', async () => {
    // Another webhook: the one above is still rate-limited by "Discord" for 120 s, which the client remembers.
    await as(bob).put('/api/users/me/discord', { webhook_url: ctx.discord.webhookUrl('1111111111111111111') }).expect(200);
    for (let i = 0; i < 5; i += 1) await as(bob).post('/api/users/me/discord/test').expect(200);
    const res = await as(bob).post('/api/users/me/discord/test').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.error.message).toContain('Too many test messages');
    expect(ctx.discord.requests).toHaveLength(5);
  });
});

describe('one user cannot read or change another user’s data', () => {
  it('every route acts on the caller only', async () => {
    await as(bob).put('/api/users/me/prompt', { prompt: 'Bob wants Go jobs' }).expect(200);
    await as(bob).put('/api/users/me/threshold', { threshold: 90 }).expect(200);
    const bobBefore = (await as(bob).get('/api/users/me').expect(200)).body;

    const aliceView = (await as(alice).get('/api/users/me').expect(200)).body;
    expect(aliceView.id).toBe(alice.user.id);
    expect(JSON.stringify(aliceView)).not.toContain('Bob wants Go jobs');

    // There is no user id to point at: extra ids in bodies or queries are ignored.
    await as(alice).put(`/api/users/me/prompt?user_id=${bob.user.id}`, { prompt: 'Alice', user_id: bob.user.id, id: bob.user.id }).expect(200);
    await as(alice).put('/api/users/me/threshold', { threshold: 10, user_id: bob.user.id }).expect(200);
    await request(ctx.app).get(`/api/users/${bob.user.id}`).set('Authorization', bearer(alice)).expect(404);

    const bobAfter = (await as(bob).get('/api/users/me').expect(200)).body;
    expect(bobAfter).toEqual(bobBefore);
  });
});

describe('DELETE /api/users/me', () => {
  it('removes the user and every session; the old tokens stop working', async () => {
    const victim = await register(ctx.app);
    await as(victim).put('/api/users/me/prompt', { prompt: 'to be deleted' }).expect(200);
    // Fan-out's decision log (no foreign key to users): deleted with the account.
    await ctx.prisma.matchDecision.create({ data: { userId: victim.user.id, jobId: randomUUID(), reason: 'location', jobValue: 'Austin', userValue: 'Berlin' } });
    await ctx.prisma.matchDecision.create({ data: { userId: alice.user.id, jobId: randomUUID(), reason: 'location' } });
    await as(victim).delete('/api/users/me').expect(204);
    expect(await ctx.prisma.matchDecision.count({ where: { userId: victim.user.id } })).toBe(0);
    expect(await ctx.prisma.matchDecision.count({ where: { userId: alice.user.id } })).toBe(1);

    expect(await ctx.prisma.user.findUnique({ where: { id: victim.user.id } })).toBeNull();
    expect(await ctx.prisma.refreshToken.count({ where: { userId: victim.user.id } })).toBe(0);
    const me = await as(victim).get('/api/users/me').expect(401);
    expect(me.body.error.code).toBe('account_not_found');
    await as(victim).put('/api/users/me/threshold', { threshold: 5 }).expect(401);
    await refresh(ctx.app, victim.refresh_token).expect(401);
    await request(ctx.app).post('/api/login').send({ email: victim.user.email, password: 'correct horse battery staple' }).expect(401);
    // Others are untouched.
    await as(alice).get('/api/users/me').expect(200);
  });

  it('requires authentication', async () => {
    await request(ctx.app).delete('/api/users/me').expect(401);
  });
});
