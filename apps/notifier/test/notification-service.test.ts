import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createDatabase, type Database, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { DiscordUnavailableError, DiscordWebhookClient } from '@jobping/discord';
import { createLogger } from '@jobping/logger';
import { FakeDiscord } from '@jobping/testing';
import { DeliveryInProgressError, NotificationService } from '../src/notification-service';

let db: TestDatabase;
let prisma: PrismaClient;
let database: Database;
const discord = new FakeDiscord();
let service: NotificationService;
let webhookNo = 0;
const logger = createLogger({ service: 'notifier-test', level: 'error', nodeEnv: 'test' });

const analysis = {
  explanation: 'Backend TypeScript role, remote in the EU, well paid.',
  pros: ['uses TypeScript', 'remote (EU)', 'pays €85k–€105k', 'a fourth pro'],
  cons: ['on-call one week in eight'],
  recommendation: 'apply' as const,
};

/** A user with a stored match for a fresh job; `webhook` true gives the user their own fake webhook. */
async function pair({ webhook = true, score = 88 } = {}) {
  webhookNo += 1;
  const webhookId = discord.webhookId(webhookNo);
  const company = await prisma.company.create({ data: { name: `Acme ${randomUUID()}`, normalizedName: randomUUID() } });
  const job = await prisma.job.create({
    data: {
      source: 'greenhouse',
      sourceId: randomUUID(),
      url: `https://jobs.example/${randomUUID()}`,
      dedupeKey: randomUUID(),
      title: 'Senior Backend Engineer',
      companyId: company.id,
      companyName: 'Acme',
      location: 'Berlin, Germany',
      remote: true,
      salaryMin: 85_000,
      salaryMax: 105_000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      description: 'We build things.',
    },
  });
  const user = await prisma.user.create({
    data: {
      email: `${randomUUID()}@jobping.test`,
      passwordHash: 'x',
      aiPrompt: 'backend',
      discordWebhook: webhook ? discord.webhookUrl(webhookNo) : null,
    },
  });
  const match = await prisma.userJobMatch.create({
    data: { userId: user.id, jobId: job.id, score, analysis, provider: 'local', model: 'm', promptVersion: 'v' },
  });
  return { message: { job_id: job.id, user_id: user.id }, job, user, match, webhookId };
}

const notificationOf = (userId: string, jobId: string) => prisma.notification.findUniqueOrThrow({ where: { userId_jobId: { userId, jobId } } });

beforeAll(async () => {
  db = await createTestDatabase('notifier');
  database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  prisma = database.prisma;
  await discord.start();
  service = new NotificationService({
    prisma,
    pool: database.pool,
    discord: new DiscordWebhookClient({ policy: { extraAllowedHosts: [discord.host] }, timeoutMs: 5_000, maxWaitMs: 2_000 }),
    logger,
    sendLeaseMs: 60_000,
  });
});

afterAll(async () => {
  await discord.stop();
  await database?.close();
  await db?.drop();
});

beforeEach(() => {
  discord.requests.length = 0;
});

describe('NotificationService', () => {
  it('creates the in-app notification, posts one Discord embed, marks the match notified, and does nothing on redelivery', async () => {
    const { message, job, user, match, webhookId } = await pair();
    expect(await service.handle(message)).toBe('sent');
    expect(await service.handle(message)).toBe('already_done');
    expect(discord.requestsFor(webhookId)).toHaveLength(1);

    const row = await notificationOf(user.id, job.id);
    expect(row).toMatchObject({ matchId: match.id, jobTitle: job.title, company: 'Acme', jobUrl: job.url, matchingScore: 88, discordStatus: 'sent', discordError: null });
    expect(row.discordMessageId).toMatch(/^\d+$/);
    expect(row.aiAnalysis).toEqual(analysis);
    expect(await prisma.userJobMatch.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({ notified: true });
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1);

    const embed = (discord.requests[0]?.body as { embeds: { title: string; url: string; fields: { name: string; value: string }[] }[] }).embeds[0]!;
    expect(embed.title).toBe('Senior Backend Engineer at Acme');
    expect(embed.url).toBe(job.url);
    expect(embed.fields.map((f) => f.name)).toEqual(['Score', 'Recommendation', 'Location', 'Salary', 'Pros', 'Cons']);
    expect(embed.fields.find((f) => f.name === 'Salary')?.value).toBe('€85,000–€105,000 per year');
    expect(embed.fields.find((f) => f.name === 'Pros')?.value.split('\n')).toHaveLength(3); // top three
  });

  it('sends nothing while the user snoozes alerts, and sends again once the snooze has passed', async () => {
    const snoozed = await pair();
    await prisma.user.update({ where: { id: snoozed.user.id }, data: { snoozedUntil: new Date(Date.now() + 86_400_000) } });
    expect(await service.handle(snoozed.message)).toBe('snoozed');
    expect(discord.requestsFor(snoozed.webhookId)).toHaveLength(0);
    expect(await prisma.notification.count({ where: { userId: snoozed.user.id } })).toBe(0);
    // The match stays stored (it is in the user's list), just not notified.
    // …and the decision log can say why ("your alerts were snoozed").
    expect(await prisma.userJobMatch.findUniqueOrThrow({ where: { id: snoozed.match.id } })).toMatchObject({ notified: false, notifySkip: 'snoozed' });

    const woke = await pair();
    await prisma.user.update({ where: { id: woke.user.id }, data: { snoozedUntil: new Date(Date.now() - 1_000) } });
    expect(await service.handle(woke.message)).toBe('sent');
    expect(discord.requestsFor(woke.webhookId)).toHaveLength(1);
  });

  it('gives users without a webhook an in-app notification only', async () => {
    const { message, job, user } = await pair({ webhook: false });
    expect(await service.handle(message)).toBe('in_app_only');
    expect(discord.requests).toHaveLength(0);
    expect((await notificationOf(user.id, job.id)).discordStatus).toBe('skipped');
  });

  it('marks the webhook broken on 404, keeps the in-app notification and acknowledges', async () => {
    const { message, job, user, webhookId } = await pair();
    discord.always(webhookId, { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    expect(await service.handle(message)).toBe('webhook_broken');
    const saved = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.discordWebhookBrokenAt).toBeInstanceOf(Date);
    expect(saved.discordWebhookError).toMatch(/does not exist/);
    expect((await notificationOf(user.id, job.id)).discordStatus).toBe('broken');

    // Later matches of that user are in-app only: the broken webhook is not called again.
    const second = await prisma.job.create({
      data: { ...(({ id: _id, createdAt: _c, updatedAt: _u, scrapedAt: _s, ...rest }) => rest)(job), sourceId: randomUUID(), dedupeKey: randomUUID(), url: `${job.url}/2` },
    });
    await prisma.userJobMatch.create({ data: { userId: user.id, jobId: second.id, score: 90, analysis, provider: 'local', model: 'm', promptVersion: 'v' } });
    expect(await service.handle({ user_id: user.id, job_id: second.id })).toBe('in_app_only');
    expect(discord.requestsFor(webhookId)).toHaveLength(1);
  });

  it('waits out a 429 and posts once', async () => {
    const { message, webhookId } = await pair();
    discord.script(webhookId, { status: 429, body: { message: 'rate limited', retry_after: 0.2, global: false } });
    expect(await service.handle(message)).toBe('sent');
    expect(discord.requestsFor(webhookId).map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries after a 5xx (the stream redelivers), and records the failure on the last delivery', async () => {
    const { message, job, user, webhookId } = await pair();
    discord.script(webhookId, { status: 502, body: {} });
    await expect(service.handle(message)).rejects.toBeInstanceOf(DiscordUnavailableError);
    const pending = await notificationOf(user.id, job.id);
    expect(pending.discordStatus).toBe('pending');
    expect(pending.discordError).toMatch(/^retrying: Discord answered 502/);
    expect(await service.handle(message)).toBe('sent');
    expect(discord.requestsFor(webhookId).map((r) => r.status)).toEqual([502, 200]);

    const last = await pair();
    discord.always(last.webhookId, { status: 503, body: {} });
    await expect(service.handle(last.message, { isLast: true })).rejects.toBeInstanceOf(DiscordUnavailableError);
    expect((await notificationOf(last.user.id, last.job.id)).discordStatus).toBe('failed');
  });

  it('records a request Discord refuses for good (400) as failed without retrying', async () => {
    const { message, job, user, webhookId } = await pair();
    discord.always(webhookId, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    expect(await service.handle(message)).toBe('discord_failed');
    expect((await notificationOf(user.id, job.id)).discordStatus).toBe('failed');
    expect(await service.handle(message)).toBe('already_done');
    expect(discord.requestsFor(webhookId)).toHaveLength(1);
  });

  it('never posts twice after a crash mid-send: a stale claim is marked interrupted, a live one is left to its holder', async () => {
    const { message, job, user, webhookId } = await pair();
    // What a notifier killed between claiming and recording leaves behind.
    await service.handle(message).catch(() => undefined);
    await prisma.notification.update({
      where: { userId_jobId: { userId: user.id, jobId: job.id } },
      data: { discordStatus: 'pending', discordError: `sending:${Date.now() - 120_000}:dead-consumer` },
    });
    discord.requests.length = 0;
    expect(await service.handle(message)).toBe('discord_failed');
    expect(discord.requestsFor(webhookId)).toHaveLength(0);
    expect((await notificationOf(user.id, job.id)).discordError).toMatch(/interrupted/);

    const live = await pair();
    await service.handle(live.message, {}).then(() => undefined);
    await prisma.notification.update({
      where: { userId_jobId: { userId: live.user.id, jobId: live.job.id } },
      data: { discordStatus: 'pending', discordError: `sending:${Date.now()}:other-consumer` },
    });
    discord.requests.length = 0;
    await expect(service.handle(live.message)).rejects.toBeInstanceOf(DeliveryInProgressError);
    expect(discord.requests).toHaveLength(0);
  });

  it('delivers each pair once when the same message is handled concurrently', async () => {
    const { message, webhookId } = await pair();
    const results = await Promise.allSettled([service.handle(message), service.handle(message), service.handle(message)]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'sent')).toHaveLength(1);
    expect(discord.requestsFor(webhookId)).toHaveLength(1);
  });

  it('answers "gone" when the match no longer exists or the pre-filter ruled the pair out', async () => {
    expect(await service.handle({ job_id: randomUUID(), user_id: randomUUID() })).toBe('gone');
    const { message, match, user, webhookId } = await pair({ score: 40 });
    await prisma.userJobMatch.update({ where: { id: match.id }, data: { prefilterSkipped: true, prefilterReason: 'skip: at most 40 < threshold 70' } });
    expect(await service.handle(message)).toBe('gone');
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(discord.requestsFor(webhookId)).toHaveLength(0);
  });
});
