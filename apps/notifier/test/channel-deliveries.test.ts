import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { channelEnvSchema, createChannelSender, newWebhookSecret } from '@jobping/channels';
import { createDatabase, type Database, type Prisma, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createLogger } from '@jobping/logger';
import { FakeDiscord, FakeSlack, FakeTelegram, SmtpCatcher } from '@jobping/testing';
import { ChannelDeliveries } from '../src/channel-deliveries';
import { DeliveryInProgressError } from '../src/delivery-in-progress';
import { NotificationService } from '../src/notification-service';

let db: TestDatabase;
let prisma: PrismaClient;
let database: Database;
const smtp = new SmtpCatcher();
const slack = new FakeSlack();
const telegram = new FakeTelegram();
const discord = new FakeDiscord();
let service: NotificationService;
let channels: ChannelDeliveries;
const logger = createLogger({ service: 'notifier-test', level: 'error', nodeEnv: 'test' });
let slackNo = 0;

const analysis = {
  explanation: 'Rust and PostgreSQL in a small payments team.',
  pros: ['Rust', 'remote in the EU'],
  cons: ['German required'],
  recommendation: 'apply' as const,
};

async function userWith(kind: 'email' | 'slack' | 'telegram' | 'webhook', options: { verified?: boolean; settings?: Prisma.InputJsonObject; threshold?: number } = {}) {
  const user = await prisma.user.create({
    data: { email: `${randomUUID()}@jobping.test`, passwordHash: 'x', aiPrompt: 'rust', notifyThreshold: 70, emailVerifiedAt: options.verified === false ? null : new Date() },
  });
  const channel = await prisma.notificationChannel.create({
    data: { userId: user.id, kind, settings: options.settings ?? {}, ...(options.threshold === undefined ? {} : { thresholdOverride: options.threshold }) },
  });
  return { user, channel };
}

async function matchFor(userId: string, score = 88) {
  const company = await prisma.company.create({ data: { name: 'Ferrous Pay', normalizedName: randomUUID() } });
  const job = await prisma.job.create({
    data: {
      source: 'greenhouse',
      sourceId: randomUUID(),
      url: `https://jobs.example/${randomUUID()}`,
      dedupeKey: randomUUID(),
      title: 'Rust Engineer',
      companyId: company.id,
      companyName: 'Ferrous Pay',
      location: 'Vienna',
      description: 'Payments in Rust.',
    },
  });
  const match = await prisma.userJobMatch.create({ data: { userId, jobId: job.id, score, analysis, provider: 'local', model: 'm', promptVersion: 'v' } });
  return { message: { job_id: job.id, user_id: userId }, match };
}

beforeAll(async () => {
  db = await createTestDatabase('notifier_channels');
  database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  prisma = database.prisma;
  await Promise.all([smtp.start(), slack.start(), telegram.start(), discord.start()]);
  const config = channelEnvSchema.parse({
    JOBPING_WEBHOOK_ALLOWED_HOSTS: [slack.host, discord.host].join(','),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_TLS: 'none',
    UNSUBSCRIBE_SECRET: 'notifier-test-secret-of-at-least-32-bytes',
    TELEGRAM_API_BASE: telegram.url,
    CHANNEL_TIMEOUT_MS: '5000',
    CHANNEL_RETRY_BASE_MS: '10',
    CHANNEL_RETRY_MAX_MS: '20',
  });
  channels = new ChannelDeliveries({ pool: database.pool, sender: createChannelSender(config), logger, sendLeaseMs: 60_000 });
  service = new NotificationService({ prisma, pool: database.pool, logger, channels });
});

afterAll(async () => {
  await Promise.all([smtp.stop(), slack.stop(), telegram.stop(), discord.stop()]);
  await database?.close();
  await db?.drop();
});

beforeEach(() => {
  smtp.reset();
  slack.reset();
  telegram.reset();
});

describe('notification channels', () => {
  it('sends an instant e-mail user one mail per match, and a redelivered message sends nothing again', async () => {
    const { user, channel } = await userWith('email');
    const first = await matchFor(user.id);
    const second = await matchFor(user.id, 91);
    expect(await service.handle(first.message)).toBe('in_app');
    expect(await service.handle(second.message)).toBe('in_app');
    // Redeliveries (a crashed consumer's message reclaimed, a duplicate publish).
    await service.handle(first.message);
    await service.handle(second.message);

    const mails = smtp.mailsTo(user.email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.parsed.subject).sort()).toEqual(['New match (88/100): Rust Engineer at Ferrous Pay', 'New match (91/100): Rust Engineer at Ferrous Pay']);
    const deliveries = await prisma.channelDelivery.findMany({ where: { channelId: channel.id } });
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
    expect(deliveries.every((d) => d.attempts === 1 && d.externalId)).toBe(true);
    expect(await prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ consecutiveFailures: 0, enabled: true });
  });

  it('sends no mail to an unverified address', async () => {
    const { user, channel } = await userWith('email', { verified: false });
    const { message } = await matchFor(user.id);
    await service.handle(message);
    expect(smtp.mails).toHaveLength(0);
    expect(await prisma.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id } })).toMatchObject({ status: 'skipped', error: 'the account e-mail address is not verified' });
  });

  it("respects the channel's threshold override", async () => {
    slackNo += 1;
    const { user, channel } = await userWith('slack', { settings: { webhook_url: slack.webhookUrl(slackNo) }, threshold: 90 });
    const { message, match } = await matchFor(user.id, 85);
    await service.handle(message);
    expect(slack.postsTo(slackNo)).toHaveLength(0);
    expect(await prisma.channelDelivery.count({ where: { channelId: channel.id, matchId: match.id } })).toBe(0);
  });

  it('disables a channel after three permanent failures in a row, with the reason, and then leaves it alone', async () => {
    slackNo += 1;
    const { user, channel } = await userWith('slack', { settings: { webhook_url: slack.webhookUrl(slackNo) } });
    slack.remove(slackNo);
    for (let i = 0; i < 3; i += 1) await service.handle((await matchFor(user.id)).message);
    expect(slack.postsTo(slackNo)).toHaveLength(3); // permanent: never retried within a send
    const disabled = await prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 3 });
    expect(disabled.disabledReason).toMatch(/^turned off after 3 failed deliveries in a row; the last: Slack refused the message \(404\): no_service/);
    expect(disabled.disabledAt).not.toBeNull();

    await service.handle((await matchFor(user.id)).message);
    expect(slack.postsTo(slackNo)).toHaveLength(3);
  });

  it('starts the count afresh after a success', async () => {
    slackNo += 1;
    const { user, channel } = await userWith('slack', { settings: { webhook_url: slack.webhookUrl(slackNo) } });
    slack.script(slack.webhookPath(slackNo), { status: 404, body: 'no_service' }, { status: 404, body: 'no_service' });
    for (let i = 0; i < 4; i += 1) await service.handle((await matchFor(user.id)).message);
    expect(await prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it('waits out a 429 and delivers once', async () => {
    const token = telegram.token(7);
    const { user, channel } = await userWith('telegram', { settings: { bot_token: token, chat_id: '777' } });
    telegram.rateLimit(token, 1);
    const { message } = await matchFor(user.id);
    await service.handle(message);
    expect(telegram.messagesFor(token)).toHaveLength(1);
    expect(await prisma.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id } })).toMatchObject({ status: 'sent', externalId: '1' });
  });

  it('releases the claim on a retryable failure and sends on the retry; the last delivery records the failure', async () => {
    slackNo += 1;
    const { user, channel } = await userWith('slack', { settings: { webhook_url: slack.webhookUrl(slackNo) } });
    const path = slack.webhookPath(slackNo);
    slack.script(path, { status: 503, body: 'busy' }, { status: 503, body: 'busy' }, { status: 503, body: 'busy' });
    const { message } = await matchFor(user.id);
    await expect(service.handle(message)).rejects.toMatchObject({ failure: 'retryable', status: 503 });
    expect(await prisma.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id } })).toMatchObject({ status: 'pending', claimedAt: null });
    await service.handle(message);
    expect(slack.postsTo(slackNo).filter((p) => p.status === 200)).toHaveLength(1);
    expect(await prisma.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id } })).toMatchObject({ status: 'sent', attempts: 2 });

    const other = await matchFor(user.id);
    slack.script(path, { status: 503, body: 'busy' }, { status: 503, body: 'busy' }, { status: 503, body: 'busy' });
    await expect(service.handle(other.message, { isLast: true })).rejects.toMatchObject({ failure: 'retryable' });
    expect(await prisma.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id, matchId: other.match.id } })).toMatchObject({ status: 'failed' });
    // A retryable failure is not the channel's fault: it is not counted.
    expect(await prisma.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ consecutiveFailures: 0, enabled: true });
  });

  it('never sends twice around a crash: a live claim is retried later, an expired one is marked interrupted', async () => {
    const { user, channel } = await userWith('webhook', { settings: { url: 'https://hooks.example.invalid/x', secret: newWebhookSecret() } });
    const live = await matchFor(user.id);
    await prisma.channelDelivery.create({ data: { channelId: channel.id, matchId: live.match.id, claimedAt: new Date(), claimedBy: 'other-consumer' } });
    await expect(channels.deliver({ userId: user.id, matchId: live.match.id, score: 88, content: content() })).rejects.toBeInstanceOf(DeliveryInProgressError);

    const crashed = await matchFor(user.id);
    await prisma.channelDelivery.create({ data: { channelId: channel.id, matchId: crashed.match.id, claimedAt: new Date(Date.now() - 120_000), claimedBy: 'crashed-consumer' } });
    const outcomes = await channels.deliver({ userId: user.id, matchId: crashed.match.id, score: 88, content: content() });
    expect(outcomes.get(channel.id)).toBe('interrupted');
    expect(await prisma.channelDelivery.findFirstOrThrow({ where: { matchId: crashed.match.id } })).toMatchObject({ status: 'failed' });
  });
});

function content() {
  return {
    jobTitle: 'Rust Engineer',
    company: 'Ferrous Pay',
    jobUrl: 'https://jobs.example/1',
    location: 'Vienna',
    remote: false,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    salaryPeriod: null,
    score: 88,
    analysis,
  };
}
