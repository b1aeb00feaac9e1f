import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createDatabase, type Database, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { channelEnvSchema, createChannelSender } from '@jobping/channels';
import { createLogger } from '@jobping/logger';
import { FakeDiscord } from '@jobping/testing';
import { ChannelDeliveries } from '../src/channel-deliveries';
import { NotificationService } from '../src/notification-service';

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

/** A user with a stored match for a fresh job; `webhook` true gives the user a Discord channel on their own fake webhook. */
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
    },
  });
  const channel = webhook
    ? await prisma.notificationChannel.create({ data: { userId: user.id, kind: 'discord', settings: { webhook_url: discord.webhookUrl(webhookNo) } } })
    : null;
  const match = await prisma.userJobMatch.create({
    data: { userId: user.id, jobId: job.id, score, analysis, provider: 'local', model: 'm', promptVersion: 'v' },
  });
  return { message: { job_id: job.id, user_id: user.id }, job, user, match, webhookId, channel };
}

const notificationOf = (userId: string, jobId: string) => prisma.notification.findUniqueOrThrow({ where: { userId_jobId: { userId, jobId } } });
const deliveryOf = (channelId: string, matchId: string) => prisma.channelDelivery.findUniqueOrThrow({ where: { channelId_matchId: { channelId, matchId } } });

beforeAll(async () => {
  db = await createTestDatabase('notifier');
  database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  prisma = database.prisma;
  await discord.start();
  const config = channelEnvSchema.parse({
    JOBPING_WEBHOOK_ALLOWED_HOSTS: discord.host,
    CHANNEL_TIMEOUT_MS: '5000',
    CHANNEL_MAX_RATE_LIMIT_WAIT_MS: '2000',
    CHANNEL_RETRY_BASE_MS: '10',
    CHANNEL_RETRY_MAX_MS: '20',
    CHANNEL_MAX_ATTEMPTS: '2',
  });
  const channels = new ChannelDeliveries({ pool: database.pool, sender: createChannelSender(config, { logger }), logger, sendLeaseMs: 60_000 });
  service = new NotificationService({ prisma, pool: database.pool, logger, channels });
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
  it('creates the in-app notification, posts one Discord embed on the Discord channel, marks the match notified, and does nothing on redelivery', async () => {
    const { message, job, user, match, webhookId, channel } = await pair();
    expect(await service.handle(message)).toBe('in_app');
    expect(await service.handle(message)).toBe('already_done');
    expect(discord.requestsFor(webhookId)).toHaveLength(1);

    const row = await notificationOf(user.id, job.id);
    expect(row).toMatchObject({ matchId: match.id, jobTitle: job.title, company: 'Acme', jobUrl: job.url, matchingScore: 88 });
    expect(row.aiAnalysis).toEqual(analysis);
    const delivery = await deliveryOf(channel!.id, match.id);
    expect(delivery.status).toBe('sent');
    expect(delivery.externalId).toMatch(/^\d+$/);
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
    expect(await service.handle(woke.message)).toBe('in_app');
    expect(discord.requestsFor(woke.webhookId)).toHaveLength(1);
  });

  it('gives users without a channel an in-app notification only', async () => {
    const { message, job, user } = await pair({ webhook: false });
    expect(await service.handle(message)).toBe('in_app');
    expect(discord.requests).toHaveLength(0);
    expect(await notificationOf(user.id, job.id)).toBeTruthy();
  });

  it('counts a deleted webhook (404) against the Discord channel and keeps the in-app notification', async () => {
    const { message, job, user, match, webhookId, channel } = await pair();
    discord.always(webhookId, { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    expect(await service.handle(message)).toBe('in_app');
    expect((await deliveryOf(channel!.id, match.id)).status).toBe('failed');
    const saved = await prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel!.id } });
    expect(saved.consecutiveFailures).toBe(1);
    expect(saved.lastError).toMatch(/does not exist/);
    expect(await notificationOf(user.id, job.id)).toBeTruthy();
  });

  it('waits out a 429 and posts once', async () => {
    const { message, webhookId } = await pair();
    discord.script(webhookId, { status: 429, body: { message: 'rate limited', retry_after: 0.2, global: false } });
    expect(await service.handle(message)).toBe('in_app');
    expect(discord.requestsFor(webhookId).map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries a 5xx (the stream redelivers), without a second in-app notification, and records the failure on the last delivery', async () => {
    const { message, user, match, webhookId, channel } = await pair();
    discord.script(webhookId, { status: 502, body: {} }, { status: 502, body: {} });
    await expect(service.handle(message)).rejects.toThrow(/502/);
    expect((await deliveryOf(channel!.id, match.id)).error).toMatch(/^retrying: /);
    expect(await service.handle(message)).toBe('already_done');
    expect(discord.requestsFor(webhookId).map((r) => r.status)).toEqual([502, 502, 200]);
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(1);

    const last = await pair();
    discord.always(last.webhookId, { status: 503, body: {} });
    await expect(service.handle(last.message, { isLast: true })).rejects.toThrow(/503/);
    expect((await deliveryOf(last.channel!.id, last.match.id)).status).toBe('failed');
  });

  it('delivers each pair once when the same message is handled concurrently', async () => {
    const { message, webhookId } = await pair();
    const results = await Promise.allSettled([service.handle(message), service.handle(message), service.handle(message)]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'in_app')).toHaveLength(1);
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
