import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyWebhookSignature } from '@jobping/channels';
import { FakeDiscord, FakeSlack, FakeTelegram, FakeWebhookReceiver, SmtpCatcher } from '@jobping/testing';
import request from 'supertest';
import { as, invalidFields, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;
const smtp = new SmtpCatcher();
const slack = new FakeSlack();
const telegram = new FakeTelegram();
const receiver = new FakeWebhookReceiver();
const discord = new FakeDiscord();

beforeAll(async () => {
  await Promise.all([smtp.start(), slack.start(), telegram.start(), receiver.start(), discord.start()]);
  ctx = await startTestApp('channels', {
    JOBPING_WEBHOOK_ALLOWED_HOSTS: [slack.host, receiver.host, discord.host].join(','),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_TLS: 'none',
    UNSUBSCRIBE_SECRET: 'jobs-api-test-secret-of-at-least-32-bytes',
    PUBLIC_WEB_URL: 'https://jobping.example',
    TELEGRAM_API_BASE: telegram.url,
    CHANNEL_RETRY_BASE_MS: '10',
    CHANNEL_RETRY_MAX_MS: '20',
    CHANNEL_TESTS_PER_USER_PER_HOUR: '3',
  });
});
afterAll(async () => {
  await ctx?.close();
  await Promise.all([smtp.stop(), slack.stop(), telegram.stop(), receiver.stop(), discord.stop()]);
});

const verify = (user: TestUser) => ctx.prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });

describe('/api/users/me/channels', () => {
  it('adds a generic webhook, shows its secret once, and the test message verifies with that secret', async () => {
    const user = await ctx.user();
    const created = await as(ctx, user).post('/api/users/me/channels', { kind: 'webhook', settings: { url: receiver.endpoint('/in') }, label: 'My hook' }).expect(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(created.body).toMatchObject({ kind: 'webhook', label: 'My hook', mode: 'instant', time_zone: 'UTC', enabled: true, settings: { url: receiver.endpoint('/in') } });

    const list = await as(ctx, user).get('/api/users/me/channels').expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const test = await as(ctx, user).post(`/api/users/me/channels/${created.body.id}/test`).expect(200);
    expect(test.body).toEqual({ delivered: true, attempts: 1, error: null });
    const post = receiver.received.find((p) => p.path === '/in')!;
    expect(post.body).toMatchObject({ type: 'test', match: null });
    const headers = { timestamp: post.headers['x-jobping-timestamp'] as string, signature: post.headers['x-jobping-signature'] as string };
    expect(verifyWebhookSignature(secret, headers, post.raw)).toBe(true);
  });

  it('refuses the e-mail channel for an unverified address, and adds it once the address is verified', async () => {
    const user = await ctx.user();
    const refused = await as(ctx, user).post('/api/users/me/channels', { kind: 'email' }).expect(409);
    expect(refused.body.error.code).toBe('email_unverified');
    expect(refused.body.error.message).toMatch(/not verified/);
    await verify(user);
    const created = await as(ctx, user).post('/api/users/me/channels', { kind: 'email', settings: {} }).expect(201);
    expect(created.body).toMatchObject({ kind: 'email', settings: { address: user.email }, secret: null });
    expect((await as(ctx, user).post('/api/users/me/channels', { kind: 'email' }).expect(409)).body.error.code).toBe('email_channel_exists');
  });

  it('sends a test mail whose one-click unsubscribe POST (no login) turns that channel off', async () => {
    const user = await ctx.user();
    await verify(user);
    const { body: channel } = await as(ctx, user).post('/api/users/me/channels', { kind: 'email' }).expect(201);
    await as(ctx, user).post(`/api/users/me/channels/${channel.id}/test`).expect(200, { delivered: true, attempts: 1, error: null });
    const [mail] = smtp.mailsTo(user.email);
    expect(mail?.parsed.subject).toBe('JobPing test message');
    const link = /^List-Unsubscribe: <([^>]+)>/im.exec(mail!.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1];
    const url = new URL(link!);
    expect(url.origin).toBe('https://jobping.example');

    // What a mail client does (RFC 8058): POST the form body to the URL, without credentials.
    await request(ctx.app)
      .post(url.pathname)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200, { unsubscribed: true });
    const off = (await as(ctx, user).get('/api/users/me/channels').expect(200)).body.items[0];
    expect(off).toMatchObject({ id: channel.id, enabled: false, disabled_reason: 'unsubscribed with the one-click link of an e-mail' });
    await request(ctx.app).post(url.pathname).expect(200); // again: still off, still fine

    const forged = url.pathname.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const bad = await request(ctx.app).post(forged).expect(400);
    expect(bad.body.error.code).toBe('invalid_token');

    // Turning it back on clears the reason.
    await as(ctx, user).patch(`/api/users/me/channels/${channel.id}`, { enabled: true }).expect(200);
    expect((await as(ctx, user).get('/api/users/me/channels')).body.items[0]).toMatchObject({ enabled: true, disabled_reason: null });
  });

  it('masks secrets: Telegram bot token, Slack and Discord webhook tokens', async () => {
    const user = await ctx.user();
    const token = telegram.token(3);
    const tg = await as(ctx, user).post('/api/users/me/channels', { kind: 'telegram', settings: { bot_token: token, chat_id: '-1001234' } }).expect(201);
    expect(tg.body.settings).toEqual({ chat_id: '-1001234', bot_token: `100003:****${token.slice(-4)}` });
    const sl = await as(ctx, user).post('/api/users/me/channels', { kind: 'slack', settings: { webhook_url: slack.webhookUrl(1) } }).expect(201);
    expect(sl.body.settings.webhook_url).toMatch(/\/services\/T00000001\/B00000001\/\*\*\*\*0001$/);
    const dc = await as(ctx, user).post('/api/users/me/channels', { kind: 'discord', settings: { webhook_url: discord.webhookUrl(1) } }).expect(201);
    expect(dc.body.settings.webhook_url).not.toContain('t'.repeat(60));
    await as(ctx, user).post(`/api/users/me/channels/${tg.body.id}/test`).expect(200, { delivered: true, attempts: 1, error: null });
    expect(telegram.messagesFor(token)).toHaveLength(1);
  });

  it('sets a digest mode, its local hour and quiet hours, and clears the quiet hours', async () => {
    const user = await ctx.user();
    const { body: created } = await as(ctx, user)
      .post('/api/users/me/channels', { kind: 'webhook', settings: { url: receiver.endpoint('/digest') }, mode: 'weekly', time_zone: 'Europe/Berlin', digest_hour: 7, digest_weekday: 5, quiet_hours: { start: '22:30', end: '06:45' } })
      .expect(201);
    expect(created).toMatchObject({ mode: 'weekly', time_zone: 'Europe/Berlin', digest_hour: 7, digest_weekday: 5, quiet_hours: { start: '22:30', end: '06:45' } });
    expect(await ctx.prisma.notificationChannel.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ quietStartMinute: 22 * 60 + 30, quietEndMinute: 6 * 60 + 45 });
    const { body: updated } = await as(ctx, user).patch(`/api/users/me/channels/${created.id}`, { mode: 'daily', quiet_hours: null }).expect(200);
    expect(updated).toMatchObject({ mode: 'daily', digest_hour: 7, quiet_hours: null });
  });

  it('validates settings per kind and refuses targets outside the rules', async () => {
    const user = await ctx.user();
    const post = (body: object) => as(ctx, user).post('/api/users/me/channels', body);
    expect(invalidFields(await post({ kind: 'telegram', settings: { bot_token: 'nope', chat_id: '1' } }).expect(400))).toEqual(['body.settings.bot_token']);
    expect(invalidFields(await post({ kind: 'slack', settings: { webhook_url: 'https://evil.example/services/x' } }).expect(400))).toEqual(['body.settings.webhook_url']);
    expect(invalidFields(await post({ kind: 'webhook', settings: { url: 'https://169.254.169.254/latest/meta-data' } }).expect(400))).toEqual(['body.settings.url']);
    expect(invalidFields(await post({ kind: 'discord', settings: { webhook_url: 'https://example.com/api/webhooks/1/2' } }).expect(400))).toEqual(['body.settings.webhook_url']);
    expect(invalidFields(await post({ kind: 'sms', settings: {} }).expect(400))).toContain('body.kind');
    expect(invalidFields(await post({ kind: 'webhook', settings: { url: receiver.endpoint() }, mode: 'hourly' }).expect(400))).toEqual(['body.mode']);
    expect(invalidFields(await post({ kind: 'webhook', settings: { url: receiver.endpoint() }, quiet_hours: { start: '25:00', end: '07:00' } }).expect(400))).toEqual(['body.quiet_hours.start']);
    expect(invalidFields(await post({ kind: 'webhook', settings: { url: receiver.endpoint() }, quiet_hours: { start: '07:00', end: '07:00' } }).expect(400))).toEqual(['body.quiet_hours']);
    expect(invalidFields(await post({ kind: 'webhook', settings: { url: receiver.endpoint() }, digest_hour: 24 }).expect(400))).toEqual(['body.digest_hour']);
    expect(invalidFields(await post({ kind: 'webhook', settings: { url: receiver.endpoint() }, time_zone: 'Mars/Olympus' }).expect(400))).toEqual(['body.time_zone']);
  });

  it('keeps each user to their own channels: another user can neither read nor change nor test nor delete them', async () => {
    const owner = await ctx.user();
    const other = await ctx.user();
    const { body: channel } = await as(ctx, owner).post('/api/users/me/channels', { kind: 'webhook', settings: { url: receiver.endpoint('/owner') } }).expect(201);
    expect((await as(ctx, other).get('/api/users/me/channels').expect(200)).body.items).toEqual([]);
    await as(ctx, other).patch(`/api/users/me/channels/${channel.id}`, { enabled: false }).expect(404);
    await as(ctx, other).patch(`/api/users/me/channels/${channel.id}`, { settings: { url: receiver.endpoint('/stolen') } }).expect(404);
    await as(ctx, other).post(`/api/users/me/channels/${channel.id}/test`).expect(404);
    await as(ctx, other).delete(`/api/users/me/channels/${channel.id}`).expect(404);
    expect((await as(ctx, owner).get('/api/users/me/channels').expect(200)).body.items[0]).toMatchObject({ id: channel.id, enabled: true, settings: { url: receiver.endpoint('/owner') } });
    await request(ctx.app).get('/api/users/me/channels').expect(401);

    await as(ctx, owner).patch(`/api/users/me/channels/${channel.id}`, { threshold_override: 85, time_zone: 'Europe/Berlin' }).expect(200);
    await as(ctx, owner).delete(`/api/users/me/channels/${channel.id}`).expect(204);
    expect((await as(ctx, owner).get('/api/users/me/channels').expect(200)).body.items).toEqual([]);
  });

  it('limits test messages per user and hour (each one is a request to a URL the user chose)', async () => {
    const user = await ctx.user();
    const { body: channel } = await as(ctx, user).post('/api/users/me/channels', { kind: 'webhook', settings: { url: receiver.endpoint('/limited') } }).expect(201);
    for (let i = 0; i < 3; i += 1) await as(ctx, user).post(`/api/users/me/channels/${channel.id}/test`).expect(200);
    const refused = await as(ctx, user).post(`/api/users/me/channels/${channel.id}/test`).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(receiver.received.filter((p) => p.path === '/limited')).toHaveLength(3);
  });

  it('is in the OpenAPI document', () => {
    const paths = ctx.openapi.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/users/me/channels']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/users/me/channels/{id}']!).sort()).toEqual(['delete', 'patch']);
    expect(paths['/api/users/me/channels/{id}/test']).toHaveProperty('post');
    expect(paths['/api/unsubscribe/{token}']).toHaveProperty('post');
  });
});
